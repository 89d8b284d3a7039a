package org.ensemble.network;

/**
 * The update rule: (mini-batch) SGD with step ε and batch B, and noisy SGD with weight decay λ and
 * inverse temperature β (Langevin on the neurons: θ ← θ(1 − ελ) + ε·gradient + √(2ε/β)·g; β =
 * ∞ means no noise). Mean-field time is t = steps·ε.
 */
public record TrainingRule(double lr, int batch, double lambda, double beta) {
    public TrainingRule {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + lr);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be ≥ 1, got " + batch);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("weight decay must be finite and ≥ 0, got " + lambda);
        }
        if (!(beta > 0)) {
            throw new IllegalArgumentException("beta must be positive (Infinity for no noise), got " + beta);
        }
    }

    public static TrainingRule sgd(double lr, int batch) {
        return new TrainingRule(lr, batch, 0.0, Double.POSITIVE_INFINITY);
    }

    public boolean noisy() {
        return Double.isFinite(beta);
    }

    /** √(2ε/β), 0 without noise. */
    public double noiseSd() {
        return noisy() ? Math.sqrt(2 * lr / beta) : 0.0;
    }
}
