package org.ensemble.reference;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The discrete algebraic Riccati equation of the LQR problem x_{t+1} = A x_t + B u_t, cost
 * Σ x_tᵀQx_t + u_tᵀRu_t: P = Q + AᵀPA − AᵀPB (R + BᵀPB)⁻¹ BᵀPA, optimal gain K* = (R + BᵀPB)⁻¹BᵀPA
 * (u = −K*x). Solved by value iteration from P = Q (monotone, converges for stabilisable (A, B) and
 * Q ≻ 0) until the update changes P by at most 1e-15 relative, then checked by its residual.
 */
public final class DiscreteRiccati {
    private DiscreteRiccati() {
    }

    /** P, the optimal gain K and the residual ‖P − Ric(P)‖_max / ‖P‖_max. */
    public record Solution(RealMatrix p, RealMatrix k, double residual, int iterations) {
    }

    public static Solution solve(RealMatrix a, RealMatrix b, RealMatrix q, RealMatrix r) {
        RealMatrix p = q.copy();
        for (int it = 1; it <= 1_000_000; it++) {
            RealMatrix next = step(a, b, q, r, p);
            double change = next.subtract(p).getNorm() / Math.max(next.getNorm(), 1e-300);
            p = next.add(next.transpose()).scalarMultiply(0.5);
            if (!Double.isFinite(change)) {
                break;
            }
            if (change <= 1e-15) {
                double res = step(a, b, q, r, p).subtract(p).getNorm() / p.getNorm();
                return new Solution(p, gain(a, b, r, p), res, it);
            }
        }
        throw new IllegalArgumentException("the Riccati iteration did not converge: is (A, B) stabilisable?");
    }

    /** Ric(P) = Q + AᵀPA − AᵀPB (R + BᵀPB)⁻¹ BᵀPA. */
    static RealMatrix step(RealMatrix a, RealMatrix b, RealMatrix q, RealMatrix r, RealMatrix p) {
        RealMatrix bp = b.transpose().multiply(p);
        RealMatrix inner = r.add(bp.multiply(b));
        RealMatrix bpa = bp.multiply(a);
        RealMatrix corr = bpa.transpose().multiply(new LUDecomposition(inner).getSolver().solve(bpa));
        return q.add(a.transpose().multiply(p).multiply(a)).subtract(corr);
    }

    /** K = (R + BᵀPB)⁻¹ BᵀPA. */
    public static RealMatrix gain(RealMatrix a, RealMatrix b, RealMatrix r, RealMatrix p) {
        RealMatrix bp = b.transpose().multiply(p);
        return new LUDecomposition(r.add(bp.multiply(b))).getSolver().solve(bp.multiply(a));
    }

    /**
     * The scalar closed form: P solves b²P² + (r(1 − a²) − q b²) P − q r = 0 (multiply the scalar
     * Riccati equation by r + b²P), the positive root.
     */
    public static double scalar(double a, double b, double q, double r) {
        double bb = r * (1 - a * a) - q * b * b;
        return (-bb + Math.sqrt(bb * bb + 4 * b * b * q * r)) / (2 * b * b);
    }
}
