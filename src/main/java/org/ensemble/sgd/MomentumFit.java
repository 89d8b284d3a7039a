package org.ensemble.sgd;

/**
 * The effective momentum of a run (Mitliagkas et al. 2016, "asynchrony begets momentum"): the least
 * squares fit of x_{t+1} − x_t = −α ∇f(x_t) + μ (x_t − x_{t−1}) over versions and coordinates, from
 * the sums Σg², Σg·d, Σd², Σy·g, Σy·d (g = ∇f(x_t) noise-free, d = x_t − x_{t−1}, y = x_{t+1} − x_t).
 * Server momentum μ_s gives μ = μ_s, α = η (exactly without gradient noise). On one trajectory the
 * fit is not Mitliagkas et al.'s implicit momentum 1 − 1/M, which holds for the expectation over the
 * random delays (an average over replicas), not for a single realisation.
 */
public final class MomentumFit {
    static final int SUMS = 5;

    private MomentumFit() {
    }

    /** Adds one version's terms to {@code sums}. */
    static void add(double[] sums, double[] g, double[] d, double[] y) {
        for (int c = 0; c < g.length; c++) {
            sums[0] += g[c] * g[c];
            sums[1] += g[c] * d[c];
            sums[2] += d[c] * d[c];
            sums[3] += y[c] * g[c];
            sums[4] += y[c] * d[c];
        }
    }

    /** {α, μ} from the summed sums (NaN when the normal equations are singular). */
    public static double[] solve(double[] s) {
        // Normal equations for y = a·(−g) + μ·d: [Σg² −Σgd; −Σgd Σd²] (a, μ) = (−Σyg, Σyd).
        double det = s[0] * s[2] - s[1] * s[1];
        // Collinear regressors (one coordinate without noise: d ∝ g) leave the fit undetermined.
        if (!(Math.abs(det) > 1e-12 * s[0] * s[2])) {
            return new double[]{Double.NaN, Double.NaN};
        }
        double a = (-s[3] * s[2] + s[1] * s[4]) / det;
        double mu = (s[0] * s[4] - s[1] * s[3]) / det;
        return new double[]{a, mu};
    }
}
