package org.ensemble.network;

/**
 * How the output sums its neurons and how much of the per-neuron gradient a step applies.
 * Mean field: f = (1/N) Σ a σ, and a step moves each neuron by ε (y − f) ∂(aσ) (the 1/N of the
 * gradient is absorbed into the step, so t = steps·ε is the mean-field time and the network
 * converges to the distributional dynamics as N → ∞). 1/√N (lazy / NTK): f = (1/√N) Σ a σ and a
 * step is ε times the plain gradient, (1/√N)(y − f) ∂(aσ).
 */
public enum Scaling {
    MEAN_FIELD("mean-field"), SQRT("sqrt");

    private final String key;

    Scaling(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Scaling parse(String key) {
        for (Scaling s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scaling '" + key + "'; expected mean-field or sqrt");
    }

    /** The factor in front of Σ a σ. */
    public double outputScale(long width) {
        return this == MEAN_FIELD ? 1.0 / width : 1.0 / Math.sqrt(width);
    }

    /** The factor in front of (residual · ∂(aσ)) in a step, before the learning rate. */
    public double gradientScale(long width) {
        return this == MEAN_FIELD ? 1.0 : 1.0 / Math.sqrt(width);
    }
}
