package org.ensemble.reference;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/** Seeded Gaussian test matrices. */
final class Gaussians {
    private Gaussians() {
    }

    static double[][] matrix(int rows, int cols, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] x = new double[rows][cols];
        for (double[] row : x) {
            for (int j = 0; j < cols; j++) {
                row[j] = g.sample();
            }
        }
        return x;
    }

    static double[] times(double[][] x, double[] w) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = HardMarginSvm.dot(x[i], w);
        }
        return out;
    }
}
