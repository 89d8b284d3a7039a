package org.ensemble.failures.linear;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The design of the piecewise-linear curve problem (Shalev-Shwartz–Shamir–Shammah 2017, §4):
 * a curve with slope changes a_r at knots θ_r, sampled at i = 0 … n−1, is f = W p with p_j the
 * slope change at knot θ_j = j − 1 and W_ij = [i − j + 1]_+ (lower triangular, unit diagonal, so
 * the n knots are all identifiable). W is a double integration: its inverse is the second
 * difference, the convolution D with (1, −2, 1) (D_ii = 1, D_i,i−1 = −2, D_i,i−2 = 1), so reading
 * Δ²f instead of f makes the design D·W = I exactly.
 */
public final class PiecewiseLinearCurves {
    private PiecewiseLinearCurves() {
    }

    public static double[][] design(int n) {
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = Math.max(0, i - j + 1);
            }
        }
        return w;
    }

    /** Δ²: (Dv)_i = v_i − 2v_{i−1} + v_{i−2}, with v_{−1} = v_{−2} = 0. */
    public static double[] secondDifference(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - (i >= 1 ? 2 * v[i - 1] : 0) + (i >= 2 ? v[i - 2] : 0);
        }
        return out;
    }

    /** The columns of X each taken through Δ² (so D·X). */
    public static double[][] secondDifferenceRows(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[][] out = new double[n][d];
        for (int j = 0; j < d; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = x[i][j];
            }
            double[] dc = secondDifference(col);
            for (int i = 0; i < n; i++) {
                out[i][j] = dc[i];
            }
        }
        return out;
    }

    /** The eigen-decomposition of XᵀX/n: eigenvalues ascending and the matching unit eigenvectors (columns). */
    public static Spectrum spectrum(double[][] x) {
        RealMatrix m = new Array2DRowRealMatrix(x);
        RealMatrix h = m.transpose().multiply(m).scalarMultiply(1.0 / x.length);
        EigenDecomposition e = new EigenDecomposition(h);
        int d = x[0].length;
        Integer[] idx = new Integer[d];
        for (int i = 0; i < d; i++) {
            idx[i] = i;
        }
        double[] ev = e.getRealEigenvalues();
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(ev[a], ev[b]));
        double[] values = new double[d];
        double[][] vectors = new double[d][];
        for (int i = 0; i < d; i++) {
            values[i] = ev[idx[i]];
            vectors[i] = e.getEigenvector(idx[i]).toArray();
        }
        return new Spectrum(values, vectors);
    }

    /** Eigenvalues (ascending) of the Hessian XᵀX/n and their unit eigenvectors. */
    public record Spectrum(double[] values, double[][] vectors) {
        public double conditionNumber() {
            return values[values.length - 1] / values[0];
        }

        /**
         * The first t at which GD from 0 with step η has ‖p_t − p*‖ ≤ ε‖p*‖, in exact arithmetic:
         * the error in eigen-direction i is (1 − ηλ_i)^t ⟨v_i, p*⟩. Searched up to {@code limit}; −1 if beyond.
         */
        public long exactIterations(double[] target, double eta, double eps, long limit) {
            int d = values.length;
            double[] c2 = new double[d];
            double norm2 = 0;
            for (int i = 0; i < d; i++) {
                double c = 0;
                for (int k = 0; k < d; k++) {
                    c += vectors[i][k] * target[k];
                }
                c2[i] = c * c;
                norm2 += target[i] * target[i];
            }
            double[] factor = new double[d];
            double[] left = c2.clone();
            for (int i = 0; i < d; i++) {
                double f = 1 - eta * values[i];
                factor[i] = f * f;
            }
            for (long t = 0; t <= limit; t++) {
                double e = 0;
                for (int i = 0; i < d; i++) {
                    e += left[i];
                    left[i] *= factor[i];
                }
                if (e <= eps * eps * norm2) {
                    return t;
                }
            }
            return -1;
        }
    }
}
