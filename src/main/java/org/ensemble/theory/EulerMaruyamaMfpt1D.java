package org.ensemble.theory;

import org.apache.commons.math3.special.Erf;
import org.ensemble.potential.Potential;

/**
 * The exact mean first-passage time of the Euler–Maruyama chain
 * X_{n+1} = X_n − V'(X_n) dt + sqrt(2dt/β) ξ_n in 1-D, checked at grid times only: the first
 * n ≥ 1 with X_n ≥ b (or X_n ≤ b when b is below the start, by mirroring), counted as n·dt. This is
 * what a simulation with step dt estimates; it differs from the diffusion's MFPT by O(dt) to a
 * minimum and by O(√dt) to a saddle (crossings between grid times are missed).
 *
 * <p>τ solves τ(x) = dt + ∫_{y<b} p(x, y) τ(y) dy with the Gaussian kernel p(x, ·) = N(x − V'(x) dt, 2dt/β).
 * τ is taken piecewise linear on a uniform grid on [L, b] (spacing σ/{@value #NODES_PER_SIGMA},
 * σ = sqrt(2dt/β)); the kernel is integrated exactly against the hat functions with erfc, and the
 * equation is collocated at the nodes, a banded system (the kernel reaches 10σ + |V'|dt) solved by
 * elimination without pivoting (I − K is a diagonally dominant M-matrix). Hats smear the kernel by
 * a triangle of variance h²/6, which acts like extra diffusion (−1% at 8 nodes per σ for the double
 * well at β = 4); the kernel's variance is reduced by h²/6 to cancel it. L is where the Boltzmann
 * weight has fallen e^{−40} below its largest value left of the start; the chain's mass that would
 * step below L is kept at L. Double well, β = 4, −1 → +1, dt = 1e-2…1e-3: 8, 16 and 32 nodes per σ
 * agree to 5e-7 relative, and match the reference table's six digits.
 */
public final class EulerMaruyamaMfpt1D {
    static final int NODES_PER_SIGMA = 8;
    /** The Gaussian beyond 10σ carries < 1e-23 of the mass. */
    private static final double KERNEL_REACH = 10;
    /** Weights below e^{−40} ≈ 4e-18 of the largest are dropped. */
    private static final double LOG_NEGLIGIBLE = 40;
    private static final double SQRT2 = Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private EulerMaruyamaMfpt1D() {
    }

    /**
     * Mean hitting time n·dt of the Euler–Maruyama chain from {@code from} to {@code to}.
     *
     * @throws IllegalArgumentException for dimension ≠ 1, non-positive β or dt, a non-confining
     *     potential, or a dt at which the chain is unstable (dt·V'' ≥ 2) inside the region it visits
     */
    public static double mfpt(Potential v, double beta, double dt, double from, double to) {
        return mfpt(v, beta, dt, from, to, NODES_PER_SIGMA);
    }

    /** As {@link #mfpt(Potential, double, double, double, double)} with a chosen grid (for convergence checks). */
    static double mfpt(Potential v, double beta, double dt, double from, double to, double nodesPerSigma) {
        if (!(nodesPerSigma >= 1)) {
            throw new IllegalArgumentException("at least one node per σ, got " + nodesPerSigma);
        }
        if (v.dimension() != 1) {
            throw new IllegalArgumentException("the Euler–Maruyama MFPT solver needs a 1-D potential, got " + v.name()
                    + " of dimension " + v.dimension());
        }
        if (!(beta > 0) || Double.isInfinite(beta) || !(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("beta and dt must be positive and finite, got " + beta + ", " + dt);
        }
        if (!Double.isFinite(from) || !Double.isFinite(to) || from == to) {
            throw new IllegalArgumentException("start and target must be finite and distinct, got " + from + " → " + to);
        }
        Line1D line = Line1D.forEscape(v, from, to);
        double a = line.map(from);
        double b = line.map(to);
        double sigma = Math.sqrt(2 * dt / beta);
        double lower = Math.min(line.leftCutoff(beta, a, LOG_NEGLIGIBLE), a - KERNEL_REACH * sigma);
        int m = (int) Math.ceil((b - lower) / sigma * nodesPerSigma);
        double h = (b - lower) / m;
        double[] x = new double[m + 1];
        double[] mean = new double[m + 1];
        double maxShift = 0;
        for (int j = 0; j <= m; j++) {
            x[j] = b - (m - j) * h; // exact at b, where the kernel is cut
            double slope = line.slope(x[j]);
            double curvature = line.curvature(x[j]);
            if (dt * curvature >= 2) {
                throw new IllegalArgumentException("Euler–Maruyama with dt = " + dt + " is unstable at x = "
                        + line.map(x[j]) + " (dt·V'' = " + dt * curvature + " ≥ 2)");
            }
            mean[j] = x[j] - slope * dt;
            maxShift = Math.max(maxShift, Math.abs(mean[j] - x[j]));
        }
        int band = (int) Math.ceil((KERNEL_REACH * sigma + maxShift) / h) + 1;
        // Integrating the kernel against hats is convolving it with a triangle of variance h²/6 and
        // sampling at the nodes: with σ² as it is the chain would diffuse faster by h²/6 per step
        // (an O(h²) error amplified by βΔV, −0.6/n² relative for the double well at β = 4).
        // Narrowing the Gaussian by exactly that much leaves an O(h⁴) error.
        double kernelSigma = Math.sqrt(sigma * sigma - h * h / 6);
        Band system = new Band(m + 1, band, band);
        double[] row = new double[m + 1];
        for (int i = 0; i <= m; i++) {
            int lo = kernelRow(x, h, mean[i], kernelSigma, band, i, row);
            for (int j = lo; j <= Math.min(m, i + band); j++) {
                system.set(i, j, (i == j ? 1 : 0) - row[j]);
                row[j] = 0;
            }
        }
        double[] rhs = new double[m + 1];
        java.util.Arrays.fill(rhs, dt);
        double[] tau = system.solve(rhs);
        // τ(a) = dt + ∫ p(a, y) τ(y) dy: the equation itself interpolates (better than the hats would).
        double am = a - line.slope(a) * dt;
        int centre = (int) Math.round((a - lower) / h);
        int lo = kernelRow(x, h, am, kernelSigma, band, centre, row);
        double result = dt;
        for (int j = lo; j <= Math.min(m, centre + band); j++) {
            result += row[j] * tau[j];
        }
        return result;
    }

    /**
     * Writes ∫_{L}^{b} p φ_j (plus, for j = 0, the mass below L) into row[j] for the hats within
     * {@code band} of node {@code centre}; returns the first column written.
     */
    private static int kernelRow(double[] x, double h, double mu, double sigma, int band, int centre, double[] row) {
        int m = x.length - 1;
        int lo = Math.max(0, centre - band);
        int hi = Math.min(m, centre + band);
        double zPrev = (x[lo] - mu) / sigma;
        if (lo == 0) {
            row[0] += lowerTail(zPrev);
        }
        for (int k = lo; k < hi; k++) {
            double zNext = (x[k + 1] - mu) / sigma;
            double mass = mass(zPrev, zNext);
            // ∫_{x_k}^{x_{k+1}} (y − x_k) N dy = σ(ψ(z_k) − ψ(z_{k+1})) + (μ − x_k)·mass
            double moment = sigma * INV_SQRT_2PI * (Math.exp(-0.5 * zPrev * zPrev) - Math.exp(-0.5 * zNext * zNext))
                    + (mu - x[k]) * mass;
            double rising = Math.min(Math.max(moment / h, 0), mass); // round-off cannot push it outside [0, mass]
            row[k + 1] += rising;
            row[k] += mass - rising;
            zPrev = zNext;
        }
        return lo;
    }

    /** P(z1 < Z < z2) for a standard normal, from the tail nearer to both so that no digits cancel. */
    private static double mass(double z1, double z2) {
        if (z1 >= 0) {
            return upperTail(z1) - upperTail(z2);
        }
        if (z2 <= 0) {
            return lowerTail(z2) - lowerTail(z1);
        }
        return 1 - upperTail(z2) - lowerTail(z1);
    }

    private static double upperTail(double z) {
        return 0.5 * Erf.erfc(z / SQRT2);
    }

    private static double lowerTail(double z) {
        return 0.5 * Erf.erfc(-z / SQRT2);
    }

    /** A banded matrix with LU elimination without pivoting (enough for diagonally dominant M-matrices). */
    private static final class Band {
        private final int n;
        private final int kl;
        private final int ku;
        private final double[][] a;

        Band(int n, int kl, int ku) {
            this.n = n;
            this.kl = kl;
            this.ku = ku;
            this.a = new double[n][kl + ku + 1];
        }

        void set(int i, int j, double value) {
            a[i][j - i + kl] = value;
        }

        double[] solve(double[] rhs) {
            double[] y = rhs.clone();
            for (int k = 0; k < n; k++) {
                double pivot = a[k][kl];
                for (int i = k + 1; i <= Math.min(n - 1, k + kl); i++) {
                    double l = a[i][k - i + kl] / pivot;
                    if (l == 0) {
                        continue;
                    }
                    for (int j = k + 1; j <= Math.min(n - 1, k + ku); j++) {
                        a[i][j - i + kl] -= l * a[k][j - k + kl];
                    }
                    y[i] -= l * y[k];
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = y[i];
                for (int j = i + 1; j <= Math.min(n - 1, i + ku); j++) {
                    s -= a[i][j - i + kl] * y[j];
                }
                y[i] = s / a[i][kl];
            }
            return y;
        }
    }
}
