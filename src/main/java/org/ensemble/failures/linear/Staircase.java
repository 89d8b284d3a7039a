package org.ensemble.failures.linear;

/**
 * A flat activation: u(z) = δ·clamp(round(z/δ), −M, M), piecewise constant with jumps at ±(m + ½)δ,
 * m = 0 … M−1 (u' = 0 almost everywhere), and its smooth surrogate ũ, every jump replaced by
 * δ·σ((z − jump)/τ), which tends to u as τ → 0. Three ways to train ŷ = u(⟨w, x⟩) on the square
 * loss: through u (the gradient u'(z)(u(z) − y) = 0), through ũ (ũ'(z)(ũ(z) − y)), or with the
 * forward-only update of Shalev-Shwartz–Shamir–Shammah, c = u(z) − y (no derivative of u at all).
 */
public record Staircase(double delta, int levels, double tau) {
    public Staircase {
        if (!(delta > 0) || levels < 1 || !(tau > 0)) {
            throw new IllegalArgumentException("a staircase needs δ > 0, M ≥ 1 and τ > 0");
        }
    }

    public double u(double z) {
        double m = Math.rint(z / delta);
        return delta * Math.max(-levels, Math.min(levels, m));
    }

    public double smooth(double z) {
        double s = 0;
        for (int m = 0; m < levels; m++) {
            double jump = (m + 0.5) * delta;
            s += sigmoid((z - jump) / tau) - sigmoid((-z - jump) / tau);
        }
        return delta * s;
    }

    public double smoothDerivative(double z) {
        double s = 0;
        for (int m = 0; m < levels; m++) {
            double jump = (m + 0.5) * delta;
            double a = sigmoid((z - jump) / tau);
            double b = sigmoid((-z - jump) / tau);
            s += a * (1 - a) + b * (1 - b);
        }
        return delta * s / tau;
    }

    private static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    /** GD through u: u'(z) = 0 wherever it exists, so the coefficient is 0. */
    public Link through() {
        return link((z, y) -> 0.0 * (u(z) - y));
    }

    /** GD through the smooth surrogate ũ. */
    public Link surrogate() {
        return link((z, y) -> smoothDerivative(z) * (smooth(z) - y));
    }

    /** The forward-only update w ← w − η(u(⟨w, x⟩) − y)x. */
    public Link forwardOnly() {
        return link((z, y) -> u(z) - y);
    }

    /** The model's output is u(z) whichever way it is trained (the reported loss is the real model's). */
    private Link link(java.util.function.DoubleBinaryOperator coefficient) {
        return new Link() {
            @Override
            public double output(double z) {
                return u(z);
            }

            @Override
            public double coefficient(double z, double y) {
                return coefficient.applyAsDouble(z, y);
            }
        };
    }
}
