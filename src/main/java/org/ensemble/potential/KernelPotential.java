package org.ensemble.potential;

/**
 * A built-in potential as kernels see it: a type code from {@link DevicePotentials} and a flat
 * parameter array (kernels cannot hold objects).
 */
public record KernelPotential(int type, double[] params) {
    public KernelPotential {
        params = params.clone();
    }

    @Override
    public double[] params() {
        return params.clone();
    }
}
