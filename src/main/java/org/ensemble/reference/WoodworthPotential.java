package org.ensemble.reference;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Woodworth et al.'s potential for the diagonal network w = u⊙u − v⊙v started at u = v = α·1:
 * Q_α(w) = α² Σ q(w_i/α²), q(z) = 2 − √(4+z²) + z·arcsinh(z/2). Gradient flow on the square loss
 * converges to argmin Q_α subject to X w = y; small α gives basis pursuit, large α the min-ℓ2 solution.
 *
 * <p>Derivation of the solver. q'(z) = arcsinh(z/2) (the two √(4+z²) terms cancel), so
 * ∂Q_α/∂w_i = arcsinh(w_i/(2α²)), whose inverse is w_i = 2α² sinh(s_i). The KKT conditions of the
 * constrained problem are ∇Q_α(w) = Xᵀλ, X w = y, i.e. w(λ) = 2α² sinh(Xᵀλ) with X w(λ) = y. The
 * convex conjugate is Q*_α(s) = Σ 2α²(cosh s_i − 1), so λ maximises the concave dual
 * D(λ) = yᵀλ − Q*_α(Xᵀλ), with gradient y − X w(λ) and Hessian −X diag(2α² cosh(Xᵀλ)) Xᵀ (negative
 * definite for full-row-rank X). Newton's method with backtracking on D converges globally and,
 * near the solution, quadratically; it stops when ‖X w − y‖∞ ≤ 1e-13 · max(1, ‖y‖∞).
 * (The same form appears in the gradient flow itself: u = α e^{−2ν}, v = α e^{2ν} with ν = Xᵀ∫r/n,
 * so w = −2α² sinh(4ν) stays on the curve w = 2α² sinh(Xᵀλ).)
 */
public final class WoodworthPotential {
    private WoodworthPotential() {
    }

    /** q(z) = 2 − √(4+z²) + z·arcsinh(z/2) ≥ 0, with q(0) = 0, q(z) ≈ z²/4 near 0 and ≈ |z| log|z| far out. */
    public static double q(double z) {
        // 2 − √(4+z²) written as −z²/(2 + √(4+z²)): no cancellation near 0.
        return z * asinh(z / 2) - z * z / (2 + Math.sqrt(4 + z * z));
    }

    /** Q_α(w) = α² Σ q(w_i/α²). */
    public static double value(double[] w, double alpha) {
        double a2 = alpha * alpha;
        double s = 0;
        for (double v : w) {
            s += q(v / a2);
        }
        return a2 * s;
    }

    /** arcsinh, accurate for small and large arguments. */
    public static double asinh(double x) {
        double ax = Math.abs(x);
        // log(x + √(x²+1)) = log1p(x + x²/(1 + √(1+x²))): accurate near 0; log(2x) where x² overflows.
        double r = ax > 1e150 ? Math.log(2 * ax) : Math.log1p(ax + ax * ax / (1 + Math.sqrt(1 + ax * ax)));
        return Math.copySign(r, x);
    }

    /** The dual point λ and the minimiser w = 2α² sinh(Xᵀλ). */
    public record Solution(double[] w, double[] lambda, int newtonSteps) {
    }

    /**
     * argmin Q_α(w) subject to X w = y; {@code x} is n × d with full row rank. For α &lt; 1 the dual
     * is solved along α = 1, 10^(−1/2), 10^(−1), …, α, each warm-started at the previous λ (small α
     * makes the dual's curvature span many decades, and a cold start then needs hundreds of damped
     * steps).
     */
    public static Solution argmin(double[][] x, double[] y, double alpha) {
        double[] lambda = new double[x.length];
        int total = 0;
        for (double a = 1; a > alpha * Math.sqrt(10); a /= Math.sqrt(10)) {
            Solution s = argmin(x, y, a, lambda);
            lambda = s.lambda();
            total += s.newtonSteps();
        }
        Solution s = argmin(x, y, alpha, lambda);
        return new Solution(s.w(), s.lambda(), total + s.newtonSteps());
    }

    private static Solution argmin(double[][] x, double[] y, double alpha, double[] start) {
        int n = x.length;
        int d = x[0].length;
        double a2 = alpha * alpha;
        double[] lambda = start.clone();
        double yScale = 1;
        for (double v : y) {
            yScale = Math.max(yScale, Math.abs(v));
        }
        double[] s = new double[d];
        double dual = dual(x, y, lambda, a2, s);
        for (int it = 0; it < 2000; it++) {
            double[] w = new double[d];
            for (int j = 0; j < d; j++) {
                w[j] = 2 * a2 * Math.sinh(s[j]);
            }
            double[] grad = new double[n];
            double worst = 0;
            for (int i = 0; i < n; i++) {
                grad[i] = y[i] - HardMarginSvm.dot(x[i], w);
                worst = Math.max(worst, Math.abs(grad[i]));
            }
            if (worst <= 1e-13 * yScale) {
                return new Solution(w, lambda, it);
            }
            RealMatrix h = MatrixUtils.createRealMatrix(n, n);
            for (int i = 0; i < n; i++) {
                for (int k = i; k < n; k++) {
                    double v = 0;
                    for (int j = 0; j < d; j++) {
                        v += x[i][j] * x[k][j] * 2 * a2 * Math.cosh(s[j]);
                    }
                    h.setEntry(i, k, v);
                    h.setEntry(k, i, v);
                }
            }
            double[] step = newtonStep(h, grad);
            double slope = HardMarginSvm.dot(step, grad); // > 0: an ascent direction of D
            double t = 1;
            double[] trial = new double[n];
            double[] ts = new double[d];
            while (true) {
                for (int i = 0; i < n; i++) {
                    trial[i] = lambda[i] + t * step[i];
                }
                double dt = dual(x, y, trial, a2, ts);
                // Armijo on the concave dual; where D is flat to rounding (large α: D ~ ‖w‖²/α²),
                // a step that shrinks the residual X w − y is taken instead (Newton on the equations).
                if (Double.isFinite(dt) && (dt >= dual + 1e-4 * t * slope
                        || residual(x, y, ts, a2) < (1 - 1e-4 * t) * worst || t < 1e-12)) {
                    dual = dt;
                    System.arraycopy(trial, 0, lambda, 0, n);
                    System.arraycopy(ts, 0, s, 0, d);
                    break;
                }
                t /= 2;
            }
        }
        throw new IllegalStateException("Newton on the dual of Q_α (α = " + alpha + ") did not converge");
    }

    /** H⁻¹ g by Cholesky; by SVD where cosh weights spanning many decades make H numerically indefinite. */
    private static double[] newtonStep(RealMatrix h, double[] grad) {
        try {
            return new CholeskyDecomposition(h, 1e-15, 0).getSolver().solve(MatrixUtils.createRealVector(grad))
                    .toArray();
        } catch (org.apache.commons.math3.exception.MathIllegalArgumentException e) {
            return new org.apache.commons.math3.linear.SingularValueDecomposition(h).getSolver()
                    .solve(MatrixUtils.createRealVector(grad)).toArray();
        }
    }

    /** ‖X w(s) − y‖∞ with w = 2α² sinh(s). */
    private static double residual(double[][] x, double[] y, double[] s, double a2) {
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double v = -y[i];
            for (int j = 0; j < s.length; j++) {
                v += x[i][j] * 2 * a2 * Math.sinh(s[j]);
            }
            worst = Math.max(worst, Math.abs(v));
        }
        return worst;
    }

    /** D(λ) = yᵀλ − Σ 2α²(cosh s_j − 1), s = Xᵀλ written into {@code s}; cosh − 1 = 2 sinh²(s/2) for accuracy. */
    private static double dual(double[][] x, double[] y, double[] lambda, double a2, double[] s) {
        int d = s.length;
        java.util.Arrays.fill(s, 0);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                s[j] += x[i][j] * lambda[i];
            }
        }
        double v = HardMarginSvm.dot(y, lambda);
        for (int j = 0; j < d; j++) {
            double sh = Math.sinh(s[j] / 2);
            v -= 4 * a2 * sh * sh;
        }
        return v;
    }
}
