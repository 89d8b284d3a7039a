package org.ensemble.implicitbias;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The studies' data, a pure function of the seed: Gaussian designs, planted sparse vectors, separable
 * point clouds. Each study draws from its own generator seeded by (scenario seed, study tag), so
 * no state is shared between runs.
 */
public final class Designs {
    private final ZigguratSampler.NormalizedGaussian gauss;

    public Designs(long seed, long tag) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, tag});
        gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    public double gaussian() {
        return gauss.sample();
    }

    /** rows × cols with entries N(0, scale²). */
    public double[][] matrix(int rows, int cols, double scale) {
        double[][] x = new double[rows][cols];
        for (double[] row : x) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * gauss.sample();
            }
        }
        return x;
    }

    public static double[] flat(double[][] x) {
        int d = x[0].length;
        double[] out = new double[x.length * d];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, out, i * d, d);
        }
        return out;
    }

    public static double[] times(double[][] x, double[] w) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < w.length; j++) {
                out[i] += x[i][j] * w[j];
            }
        }
        return out;
    }

    /** Extreme eigenvalues (min, max) of XᵀX/n restricted to the row space, i.e. of XXᵀ/n. */
    public static double[] gramRange(double[][] x) {
        RealMatrix m = MatrixUtils.createRealMatrix(x);
        double[] ev = new EigenDecomposition(m.multiply(m.transpose()).scalarMultiply(1.0 / x.length))
                .getRealEigenvalues();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double e : ev) {
            lo = Math.min(lo, e);
            hi = Math.max(hi, e);
        }
        return new double[] {lo, hi};
    }

    public static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    public static double norm(double[] a) {
        return distance(a, new double[a.length]);
    }

    /** The angle between a and b in radians, computed stably as 2·atan2(‖â − b̂‖, ‖â + b̂‖). */
    public static double angle(double[] a, double[] b) {
        double na = norm(a);
        double nb = norm(b);
        double diff = 0;
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double u = a[i] / na;
            double v = b[i] / nb;
            diff += (u - v) * (u - v);
            sum += (u + v) * (u + v);
        }
        return 2 * Math.atan2(Math.sqrt(diff), Math.sqrt(sum));
    }
}
