package org.ensemble.potential;

import java.util.Arrays;
import java.util.Optional;

/**
 * V(x) = ½ Σ_c k_c (x_c − m_c)² in any dimension: under overdamped Langevin dynamics an
 * Ornstein–Uhlenbeck process with closed-form mean and variance. Up to three dimensions it runs
 * inside device kernels; above that on the java backend.
 */
public final class HarmonicPotential implements Potential {
    private final double[] stiffness;
    private final double[] center;
    private final double[] kernelParams;

    public HarmonicPotential(double[] stiffness, double[] center) {
        if (stiffness.length == 0 || stiffness.length != center.length) {
            throw new IllegalArgumentException("stiffness and center must have the same, nonzero length");
        }
        for (double k : stiffness) {
            if (!(k > 0) || Double.isInfinite(k)) {
                throw new IllegalArgumentException("stiffness must be positive and finite: " + Arrays.toString(stiffness));
            }
        }
        this.stiffness = stiffness.clone();
        this.center = center.clone();
        this.kernelParams = new double[6];
        for (int c = 0; c < Math.min(3, stiffness.length); c++) {
            kernelParams[c] = stiffness[c];
            kernelParams[3 + c] = center[c];
        }
    }

    public double[] stiffness() {
        return stiffness.clone();
    }

    public double[] center() {
        return center.clone();
    }

    @Override
    public int dimension() {
        return stiffness.length;
    }

    @Override
    public double energy(double[] x) {
        if (stiffness.length <= DevicePotentials.MAX_KERNEL_DIMENSION) {
            return DevicePotentials.energy(DevicePotentials.HARMONIC, x[0], x.length > 1 ? x[1] : 0.0,
                    x.length > 2 ? x[2] : 0.0, kernelParams);
        }
        double v = 0.0;
        for (int c = 0; c < stiffness.length; c++) {
            double d = x[c] - center[c];
            v += stiffness[c] * d * d;
        }
        return 0.5 * v;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        // Same expression as DevicePotentials.gradN for c < 3.
        for (int c = 0; c < stiffness.length; c++) {
            out[c] = stiffness[c] * (x[c] - center[c]);
        }
    }

    @Override
    public Optional<KernelPotential> kernelForm() {
        if (stiffness.length > DevicePotentials.MAX_KERNEL_DIMENSION) {
            return Optional.empty();
        }
        return Optional.of(new KernelPotential(DevicePotentials.HARMONIC, kernelParams));
    }

    @Override
    public String name() {
        return "harmonic" + Arrays.toString(stiffness);
    }
}
