package org.ensemble.reference;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The minimum ℓ2-norm solution of an underdetermined system X w = y (X is n × d with n ≤ d and full
 * row rank): w = Xᵀ (X Xᵀ)⁻¹ y, computed stably from the QR factorisation Xᵀ = Q R as w = Q R⁻ᵀ y
 * (no normal equations, so the error is O(ε·cond X) rather than O(ε·cond² X)), then one step of
 * iterative refinement in the row space.
 */
public final class MinNormSolution {
    private MinNormSolution() {
    }

    /** {@code x} row-major n × d. */
    public static double[] solve(double[][] x, double[] y) {
        int n = x.length;
        int d = x[0].length;
        if (y.length != n) {
            throw new IllegalArgumentException("X has " + n + " rows but y has " + y.length + " entries");
        }
        if (n > d) {
            throw new IllegalArgumentException("min-norm interpolation needs n ≤ d, got n = " + n + ", d = " + d);
        }
        RealMatrix xt = MatrixUtils.createRealMatrix(x).transpose();
        QRDecomposition qr = new QRDecomposition(xt, 1e-13);
        RealMatrix q = qr.getQ().getSubMatrix(0, d - 1, 0, n - 1);
        RealMatrix r = qr.getR().getSubMatrix(0, n - 1, 0, n - 1);
        for (int i = 0; i < n; i++) {
            if (Math.abs(r.getEntry(i, i)) < 1e-13 * Math.abs(r.getEntry(0, 0))) {
                throw new IllegalArgumentException("X does not have full row rank (row " + i + " is dependent)");
            }
        }
        RealVector w = rowSpaceSolve(q, r, new ArrayRealVector(y));
        // One refinement step: the residual's correction, also in the row space.
        RealVector res = new ArrayRealVector(y).subtract(MatrixUtils.createRealMatrix(x).operate(w));
        w = w.add(rowSpaceSolve(q, r, res));
        return w.toArray();
    }

    /** Q R⁻ᵀ b: forward substitution with Rᵀ (lower triangular), then Q. */
    private static RealVector rowSpaceSolve(RealMatrix q, RealMatrix r, RealVector b) {
        int n = r.getRowDimension();
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b.getEntry(i);
            for (int k = 0; k < i; k++) {
                s -= r.getEntry(k, i) * z[k];
            }
            z[i] = s / r.getEntry(i, i);
        }
        return q.operate(new ArrayRealVector(z, false));
    }
}
