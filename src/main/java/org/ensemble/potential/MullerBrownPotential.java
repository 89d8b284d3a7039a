package org.ensemble.potential;

/**
 * The Müller–Brown surface in 2-D with the standard constants
 * (A = (−200, −100, −170, 15), a = (−1, −1, −6.5, 0.7), b = (0, 0, 11, 0.6), c = (−10, −10, −6.5, 0.7),
 * x0 = (1, 0, −0.5, −1), y0 = (0, 0.5, 1.5, 1)), multiplied by {@code scale}.
 */
public final class MullerBrownPotential extends KernelBackedPotential {
    private final double scale;

    public MullerBrownPotential(double scale) {
        super(2, DevicePotentials.MULLER_BROWN, new double[] {scale});
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite");
        }
        this.scale = scale;
    }

    public double scale() {
        return scale;
    }

    @Override
    public String name() {
        return scale == 1.0 ? "muller-brown" : "muller-brown(scale=" + scale + ")";
    }
}
