package org.ensemble.potential;

import java.util.Optional;

/**
 * A built-in potential in at most {@link DevicePotentials#MAX_KERNEL_DIMENSION} dimensions whose
 * energy and gradient are the {@link DevicePotentials} functions, so the Java path and device
 * kernels agree bit for bit.
 */
abstract class KernelBackedPotential implements Potential {
    private final int dimension;
    private final KernelPotential form;
    private final double[] params;

    KernelBackedPotential(int dimension, int type, double[] params) {
        if (dimension < 1 || dimension > DevicePotentials.MAX_KERNEL_DIMENSION) {
            throw new IllegalArgumentException("dimension must be 1.." + DevicePotentials.MAX_KERNEL_DIMENSION);
        }
        this.dimension = dimension;
        this.form = new KernelPotential(type, params);
        this.params = params.clone();
    }

    @Override
    public final int dimension() {
        return dimension;
    }

    @Override
    public final double energy(double[] x) {
        return DevicePotentials.energy(form.type(), x[0], coord(x, 1), coord(x, 2), params);
    }

    @Override
    public final void gradient(double[] x, double[] out) {
        double x0 = x[0];
        double x1 = coord(x, 1);
        double x2 = coord(x, 2);
        out[0] = DevicePotentials.grad0(form.type(), x0, x1, x2, params);
        if (dimension > 1) {
            out[1] = DevicePotentials.grad1(form.type(), x0, x1, x2, params);
        }
        if (dimension > 2) {
            out[2] = DevicePotentials.grad2(form.type(), x0, x1, x2, params);
        }
    }

    @Override
    public final Optional<KernelPotential> kernelForm() {
        return Optional.of(form);
    }

    private double coord(double[] x, int c) {
        return c < dimension ? x[c] : 0.0;
    }
}
