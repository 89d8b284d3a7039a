package org.ensemble.theory;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ensemble.potential.Potential;

/** Hessians by central differences of the gradient, symmetrised, and their eigenvalues. */
public final class Hessian {
    private Hessian() {
    }

    public static RealMatrix at(Potential v, double[] x) {
        int d = v.dimension();
        double[][] h = new double[d][d];
        double[] gp = new double[d];
        double[] gm = new double[d];
        for (int j = 0; j < d; j++) {
            // Step ~ ε^(1/3)·scale balances truncation and round-off for central differences.
            double step = 6e-6 * Math.max(1, Math.abs(x[j]));
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[j] += step;
            xm[j] -= step;
            v.gradient(xp, gp);
            v.gradient(xm, gm);
            for (int i = 0; i < d; i++) {
                h[i][j] = (gp[i] - gm[i]) / (2 * step);
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        return new Array2DRowRealMatrix(h, false);
    }

    /** Eigenvalues in ascending order. */
    public static double[] eigenvalues(RealMatrix h) {
        double[] ev = new EigenDecomposition(h).getRealEigenvalues().clone();
        java.util.Arrays.sort(ev);
        return ev;
    }
}
