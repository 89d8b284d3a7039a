package org.ensemble.theory;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ensemble.potential.Potential;

/**
 * Hessians of V from its gradient by fourth-order central differences, symmetrised, and their
 * eigenvalues. The step is 5e-4·max(1, |x_j|): the truncation error (h⁴·∂⁵V/30) and the
 * round-off (ε·|∇V|/h) then both stay near 1e-12 relative for potentials whose features are of
 * unit length or larger (Müller–Brown's narrowest Gaussian has width ≈ 0.3). A quadratic V gives
 * its Hessian to round-off.
 */
public final class Hessian {
    private static final double RELATIVE_STEP = 5e-4;

    private Hessian() {
    }

    public static RealMatrix at(Potential v, double[] x) {
        int d = v.dimension();
        if (x.length != d) {
            throw new IllegalArgumentException("point of dimension " + x.length + " for a potential of dimension " + d);
        }
        double[][] h = new double[d][d];
        double[] g1 = new double[d];
        double[] g2 = new double[d];
        double[] gm1 = new double[d];
        double[] gm2 = new double[d];
        double[] y = x.clone();
        for (int j = 0; j < d; j++) {
            double step = RELATIVE_STEP * Math.max(1, Math.abs(x[j]));
            y[j] = x[j] + step;
            v.gradient(y, g1);
            y[j] = x[j] + 2 * step;
            v.gradient(y, g2);
            y[j] = x[j] - step;
            v.gradient(y, gm1);
            y[j] = x[j] - 2 * step;
            v.gradient(y, gm2);
            y[j] = x[j];
            for (int i = 0; i < d; i++) {
                h[i][j] = (8 * (g1[i] - gm1[i]) - (g2[i] - gm2[i])) / (12 * step);
            }
        }
        // Each column came from a different step; averaging with the transpose restores the symmetry of ∇²V.
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
        Arrays.sort(ev);
        return ev;
    }

    /** Unit eigenvector of the smallest eigenvalue (the softest, or the unstable, direction). */
    static double[] lowestMode(RealMatrix h) {
        EigenDecomposition e = new EigenDecomposition(h);
        double[] ev = e.getRealEigenvalues();
        int lo = 0;
        for (int i = 1; i < ev.length; i++) {
            if (ev[i] < ev[lo]) {
                lo = i;
            }
        }
        return e.getEigenvector(lo).toArray();
    }
}
