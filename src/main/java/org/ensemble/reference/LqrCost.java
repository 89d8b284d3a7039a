package org.ensemble.reference;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The exact cost of a linear policy u = −K x on the LQR problem (A, B, Q, R) with initial states of
 * covariance Σ₀: J(K) = tr(P_K Σ₀), where P_K solves the Lyapunov equation
 * P = Q + KᵀRK + LᵀPL with L = A − BK, and its exact gradient (Fazel et al. 2018)
 * ∇J(K) = 2 [(R + BᵀP_K B) K − BᵀP_K A] Σ_K with Σ_K = Σ₀ + L Σ_K Lᵀ. Lyapunov equations are solved
 * directly through their Kronecker form (I − Lᵀ⊗Lᵀ) vec P = vec C, which is exact for the small
 * systems of the studies. An unstable policy (spectral radius of L ≥ 1) has infinite cost.
 */
public record LqrCost(RealMatrix a, RealMatrix b, RealMatrix q, RealMatrix r, RealMatrix sigma0) {

    /** J(K), or +∞ when A − BK is not stable. */
    public double cost(RealMatrix k) {
        RealMatrix l = a.subtract(b.multiply(k));
        if (spectralRadius(l) >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        RealMatrix p = lyapunov(l.transpose(), q.add(k.transpose().multiply(r).multiply(k)));
        return p.multiply(sigma0).getTrace();
    }

    /** ∇J(K) (same shape as K); requires a stable policy. */
    public RealMatrix gradient(RealMatrix k) {
        RealMatrix l = a.subtract(b.multiply(k));
        if (spectralRadius(l) >= 1) {
            throw new IllegalArgumentException("the policy is unstable: no gradient");
        }
        RealMatrix p = lyapunov(l.transpose(), q.add(k.transpose().multiply(r).multiply(k)));
        RealMatrix sigmaK = lyapunov(l, sigma0);
        RealMatrix e = r.add(b.transpose().multiply(p).multiply(b)).multiply(k)
                .subtract(b.transpose().multiply(p).multiply(a));
        return e.multiply(sigmaK).scalarMultiply(2);
    }

    /** X = C + M X Mᵀ (so X = Σ_t M^t C (Mᵀ)^t for stable M). */
    static RealMatrix lyapunov(RealMatrix m, RealMatrix c) {
        int n = m.getRowDimension();
        RealMatrix big = MatrixUtils.createRealIdentityMatrix(n * n);
        // vec(M X Mᵀ) = (M ⊗ M) vec X, with vec stacking rows: index i*n + j.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (int l = 0; l < n; l++) {
                        big.addToEntry(i * n + j, k * n + l, -m.getEntry(i, k) * m.getEntry(j, l));
                    }
                }
            }
        }
        double[] rhs = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rhs[i * n + j] = c.getEntry(i, j);
            }
        }
        double[] x = new LUDecomposition(big).getSolver().solve(MatrixUtils.createRealVector(rhs)).toArray();
        RealMatrix out = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out.setEntry(i, j, 0.5 * (x[i * n + j] + x[j * n + i]));
            }
        }
        return out;
    }

    static double spectralRadius(RealMatrix m) {
        EigenDecomposition e = new EigenDecomposition(m);
        double r = 0;
        double[] re = e.getRealEigenvalues();
        double[] im = e.getImagEigenvalues();
        for (int i = 0; i < re.length; i++) {
            r = Math.max(r, Math.hypot(re[i], im[i]));
        }
        return r;
    }
}
