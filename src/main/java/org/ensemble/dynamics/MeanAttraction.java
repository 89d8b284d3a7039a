package org.ensemble.dynamics;

/**
 * The interacting force θ·(x − m) that pulls each particle toward the ensemble mean m
 * (quadratic Curie–Weiss interaction; with the double well this is the Desai–Zwanzig model).
 * The mean is the field the coordinator broadcasts each step.
 */
public record MeanAttraction(double theta) {
    public MeanAttraction {
        if (!(theta >= 0) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("theta must be non-negative and finite, got " + theta);
        }
    }

    /** The interaction's contribution to the force on coordinate value x. */
    public static double force(double x, double mean, double theta) {
        return theta * (x - mean);
    }
}
