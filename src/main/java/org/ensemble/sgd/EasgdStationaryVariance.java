package org.ensemble.sgd;

/**
 * The exact stationary variance of EASGD's center on f = λx²/2 with additive gradient noise of
 * variance σ² per sample (BSP, M workers of batch b, H local steps of η, elasticity α), as this
 * package runs it. Derived from the recursion the code implements (the one-dimensional quadratic is
 * also where Zhang, Choromanska and LeCun 2015 analyse EASGD, their §5): per round worker i returns
 * x_i, the center moves c' = c + α Σ(x_i − c), the worker moves to (1 − α)x_i + αc and takes H noisy
 * steps x ← a x − η ξ, a = 1 − ηλ, ξ of variance σ²/b. So
 * <pre>
 *   x_i' = β((1 − α)x_i + αc) + ε_i,  β = a^H,  Var ε = (η²σ²/b)·Σ_{k<H} a^{2k}
 *   c'   = (1 − Mα)c + Mα·m,           m = (1/M) Σ x_i
 * </pre>
 * The deviations x_i − m never reach c, so (m, c) is closed: z' = A z + (ε̄, 0), A = [[β(1 − α), βα],
 * [Mα, 1 − Mα]], Var ε̄ = Var ε / M. The stationary covariance P solves the discrete Lyapunov
 * equation P = A P Aᵀ + diag(Var ε̄, 0): three linear equations in (P_mm, P_mc, P_cc), solved
 * exactly here; P_cc is the answer. Check: M = 1, α = 1, H = 1 gives c'' = a c + ε, the SGD value
 * ησ²/(bλ(2 − ηλ)).
 */
public final class EasgdStationaryVariance {
    private EasgdStationaryVariance() {
    }

    /** Var∞ of the center; +∞ when the recursion is not stable (a spectral radius of A ≥ 1). */
    public static double ofCenter(double lambda, double sigma, int batch, double lr, int workers, double alpha,
                                  int localSteps) {
        double a = 1 - lr * lambda;
        double beta = Math.pow(a, localSteps);
        double sum = 0;
        double ak = 1;
        for (int k = 0; k < localSteps; k++) {
            sum += ak;
            ak *= a * a;
        }
        double noise = lr * lr * sigma * sigma / batch * sum / workers;
        double a11 = beta * (1 - alpha);
        double a12 = beta * alpha;
        double a21 = workers * alpha;
        double a22 = 1 - workers * alpha;
        double tr = a11 + a22;
        double det = a11 * a22 - a12 * a21;
        // Both eigenvalues inside the unit circle (Jury's conditions for a 2 × 2 matrix).
        if (!(Math.abs(det) < 1 && Math.abs(tr) < 1 + det)) {
            return Double.POSITIVE_INFINITY;
        }
        double[][] m = {
            {1 - a11 * a11, -2 * a11 * a12, -a12 * a12, noise},
            {-a11 * a21, 1 - a11 * a22 - a12 * a21, -a12 * a22, 0},
            {-a21 * a21, -2 * a21 * a22, 1 - a22 * a22, 0}};
        return solve(m)[2];
    }

    /** Gaussian elimination with partial pivoting on a 3 × 4 augmented matrix. */
    private static double[] solve(double[][] m) {
        int n = 3;
        for (int col = 0; col < n; col++) {
            int p = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[p][col])) {
                    p = r;
                }
            }
            double[] t = m[col];
            m[col] = m[p];
            m[p] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
