package org.ensemble.network;

/**
 * A two-layer network f(x) = scale(N) Σ_i a_i σ(⟨w_i, x⟩ + b_i), its loss and how its neurons
 * start: w_i ~ N(0, wScale² I/d), a_i = aInit + aSd·N(0,1), b_i = bInit + bSd·N(0,1). Which of a,
 * w, b are trained is up to the scenario; untrained parameters keep their initial values.
 */
public record NetworkSpec(long width, int inputDim, Activation activation, Scaling scaling, Loss loss,
                          boolean trainA, boolean trainW, boolean trainB, double wScale, double aInit, double aSd,
                          double bInit, double bSd) {
    public NetworkSpec {
        if (width < 1) {
            throw new IllegalArgumentException("network width must be ≥ 1, got " + width);
        }
        if (inputDim < 1) {
            throw new IllegalArgumentException("input dimension must be ≥ 1, got " + inputDim);
        }
        if (!(wScale >= 0) || !(aSd >= 0) || !(bSd >= 0) || !Double.isFinite(aInit) || !Double.isFinite(bInit)) {
            throw new IllegalArgumentException("initial scales must be finite and non-negative");
        }
    }

    /** MMN's isotropic-Gaussian network: a = 1 and b = 0 fixed, w ~ N(0, I/d) trained. */
    public static NetworkSpec meanField(long width, int d, Activation act) {
        return new NetworkSpec(width, d, act, Scaling.MEAN_FIELD, Loss.SQUARE, false, true, false, 1.0, 1.0, 0.0,
                0.0, 0.0);
    }

    /** Parameters per neuron as laid out in noise counters: w (d), then a, then b. */
    public int paramsPerNeuron() {
        return inputDim + 2;
    }
}
