package org.ensemble.reference;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Whether a planted PSD matrix X* = U Uᵀ is the minimum nuclear norm PSD matrix consistent with the
 * measurements b_i = ⟨A_i, X*⟩. For PSD X the nuclear norm is the trace, so the problem is the SDP
 * min tr X s.t. ⟨A_i, X⟩ = b_i, X ⪰ 0, with dual max bᵀy s.t. Z = I − Σ y_i A_i ⪰ 0. A dual y with
 * Z ⪰ 0 and Z U = 0 proves X* optimal (tr X* − bᵀy = tr(Uᵀ Z U) = 0), and Z positive definite on
 * the complement of range U (strict complementarity) together with injectivity of the measurements
 * on the tangent space makes it the unique optimum. The certificate tried is the least-norm y
 * solving the linear equations Σ y_i A_i U = U (SVD pseudo-inverse), as in the dual-certificate
 * proofs of low-rank recovery; when it certifies, the planted matrix is the exact reference.
 */
public final class MinTraceCertificate {
    private MinTraceCertificate() {
    }

    /**
     * @param residual     ‖Z U‖_F / ‖U‖_F (0 for an exact certificate)
     * @param lowest       the smallest eigenvalue of Z (≥ −tolerance for a certificate)
     * @param complementGap the (r+1)-th smallest eigenvalue of Z: > 0 for strict complementarity
     * @param dualityGap   tr X* − bᵀy
     */
    public record Result(boolean certified, double[] y, double residual, double lowest, double complementGap,
                         double dualityGap) {
    }

    /** {@code a[i]} symmetric n × n measurement matrices, {@code u} n × r. */
    public static Result check(double[][][] a, double[][] u) {
        int m = a.length;
        int n = u.length;
        int r = u[0].length;
        RealMatrix um = MatrixUtils.createRealMatrix(u);
        RealMatrix sys = MatrixUtils.createRealMatrix(n * r, m);
        for (int i = 0; i < m; i++) {
            RealMatrix au = MatrixUtils.createRealMatrix(a[i]).multiply(um);
            for (int row = 0; row < n; row++) {
                for (int c = 0; c < r; c++) {
                    sys.setEntry(row * r + c, i, au.getEntry(row, c));
                }
            }
        }
        double[] rhs = new double[n * r];
        for (int row = 0; row < n; row++) {
            for (int c = 0; c < r; c++) {
                rhs[row * r + c] = u[row][c];
            }
        }
        double[] y = new SingularValueDecomposition(sys).getSolver().solve(new ArrayRealVector(rhs)).toArray();
        RealMatrix z = MatrixUtils.createRealIdentityMatrix(n);
        for (int i = 0; i < m; i++) {
            z = z.subtract(MatrixUtils.createRealMatrix(a[i]).scalarMultiply(y[i]));
        }
        z = z.add(z.transpose()).scalarMultiply(0.5);
        double residual = z.multiply(um).getFrobeniusNorm() / um.getFrobeniusNorm();
        double[] ev = new EigenDecomposition(z).getRealEigenvalues();
        java.util.Arrays.sort(ev);
        double gap = um.transpose().multiply(z).multiply(um).getTrace();
        boolean ok = residual <= 1e-9 && ev[0] >= -1e-9 && (r >= n || ev[r] > 1e-9);
        return new Result(ok, y, residual, ev[0], r < n ? ev[r] : Double.NaN, gap);
    }
}
