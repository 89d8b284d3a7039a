package org.ensemble.potential;

/**
 * The 1-D double well V(x) = (x² − 1)² + tilt·x. Untilted: minima at ±1, saddle at 0, barrier 1,
 * V''(±1) = 8, V''(0) = −4.
 */
public final class DoubleWellPotential extends KernelBackedPotential {
    private final double tilt;

    public DoubleWellPotential(double tilt) {
        super(1, DevicePotentials.DOUBLE_WELL, new double[] {tilt});
        this.tilt = tilt;
    }

    public double tilt() {
        return tilt;
    }

    @Override
    public String name() {
        return tilt == 0.0 ? "double-well" : "double-well(tilt=" + tilt + ")";
    }
}
