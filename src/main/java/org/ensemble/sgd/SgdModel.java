package org.ensemble.sgd;

/**
 * What the workers differentiate: a per-sample gradient that is a pure function of the parameters,
 * the draw index and the sample slot (so any worker, on any shard, computes the same numbers), and
 * the risk the server reports.
 */
public interface SgdModel {
    int dimension();

    /** Writes the gradient of sample {@code slot} of draw {@code index} at parameters {@code x} into {@code out}. */
    void gradient(double[] x, long index, int slot, double[] out);

    /** The risk at {@code x}: exact for the quadratic, on a held-out set for regressions. */
    double loss(double[] x);

    /** The minimiser when it is known in closed form, else null. */
    double[] optimum();

    String describe();

    /**
     * Writes the noise-free gradient ∇f(x) into {@code out} and returns true where it is known in
     * closed form (the quadratic), else returns false (for the effective-momentum fit).
     */
    default boolean exactGradient(double[] x, double[] out) {
        return false;
    }
}
