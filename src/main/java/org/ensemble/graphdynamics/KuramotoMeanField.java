package org.ensemble.graphdynamics;

/**
 * Exact mean-field references for Kuramoto oscillators with K/N coupling (N → ∞):
 * <ul>
 *   <li>identical frequencies with noise sqrt(2D) dW: the stationary law is ∝ exp((K r/D) cos(θ − ψ)),
 *       so r solves r = I₁(K r/D)/I₀(K r/D); r = 0 below K_c = 2D, one positive root above;</li>
 *   <li>Lorentzian frequencies of half-width γ without noise (Ott–Antonsen): r = sqrt(1 − 2γ/K) above
 *       K_c = 2γ, else 0.</li>
 * </ul>
 */
public final class KuramotoMeanField {
    private KuramotoMeanField() {
    }

    /**
     * I₁(x)/I₀(x) for x ≥ 0 by Gauss's continued fraction I₁/I₀ = 1/(2/x + 1/(4/x + 1/(6/x + …))),
     * evaluated backwards from a depth where the tail no longer matters (all terms positive: stable).
     */
    public static double besselRatio(double x) {
        if (!(x >= 0)) {
            throw new IllegalArgumentException("I1/I0 needs x ≥ 0, got " + x);
        }
        if (x == 0) {
            return 0;
        }
        int depth = 60 + (int) Math.min(4 * x, 4000);
        double t = 0;
        for (int k = depth; k >= 1; k--) {
            t = 1 / (2.0 * k / x + t);
        }
        return t;
    }

    /** The stationary order parameter of identical noisy oscillators (the self-consistency root; 0 for K ≤ 2D). */
    public static double selfConsistentR(double coupling, double noise) {
        if (!(noise > 0)) {
            throw new IllegalArgumentException("self-consistency needs D > 0, got " + noise);
        }
        if (coupling <= 2 * noise) {
            return 0;
        }
        double kappa = coupling / noise;
        double lo = 0;
        double hi = 1;
        // g(r) = I1(κr)/I0(κr) − r: positive just above 0 (slope κ/2 − 1 > 0), negative at 1; concave, one root
        for (int it = 0; it < 200 && hi - lo > 1e-16; it++) {
            double mid = 0.5 * (lo + hi);
            if (besselRatio(kappa * mid) - mid > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Ott–Antonsen: r = sqrt(1 − 2γ/K) for K > 2γ, else 0 (noise-free Lorentzian frequencies). */
    public static double ottAntonsenR(double coupling, double gamma) {
        if (!(gamma > 0)) {
            throw new IllegalArgumentException("Ott–Antonsen needs a half-width γ > 0, got " + gamma);
        }
        return coupling > 2 * gamma ? Math.sqrt(1 - 2 * gamma / coupling) : 0;
    }

    /**
     * E[r] at finite N for identical noisy oscillators: the N-oscillator system is a gradient flow of
     * U = −(K N/2) r², so its stationary law is the uniform product law tilted by exp(N (K/D) r²/2).
     * The law of the mean m of N uniform unit vectors is taken in its saddle-point form
     * p_N(m) = (N/2π) det(∇²Λ)^{-1/2} exp(−N I(|m|)), Λ(λ) = ln I₀(|λ|), I the Cramér rate
     * (its relative error O(1/N) is smooth in m, which moves E[r] only by O(N^{-3/2})), and
     * E[r] = ∫ r · 2πr p_N(r) e^{N κ r²/2} dr / Z by the trapezoid rule on a fine grid.
     */
    public static double finiteNMeanR(double coupling, double noise, int n) {
        double kappa = coupling / noise;
        int points = 20_000;
        double[] logw = new double[points];
        double[] r = new double[points];
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < points; p++) {
            r[p] = (p + 0.5) / points;
            double lambda = inverseRatio(r[p]);
            double a = r[p];
            double radial = 1 - a / lambda - a * a;
            double tangential = a / lambda;
            double rate = lambda * a - logI0(lambda);
            logw[p] = Math.log(r[p]) - 0.5 * Math.log(radial * tangential) - n * rate + 0.5 * n * kappa * a * a;
            max = Math.max(max, logw[p]);
        }
        double num = 0;
        double den = 0;
        for (int p = 0; p < points; p++) {
            double w = Math.exp(logw[p] - max);
            num += w * r[p];
            den += w;
        }
        return num / den;
    }

    /** λ with I₁(λ)/I₀(λ) = a, 0 < a < 1 (the ratio increases from 0 to 1). */
    static double inverseRatio(double a) {
        double lo = 0;
        double hi = 1;
        while (besselRatio(hi) < a) {
            hi *= 2;
        }
        for (int it = 0; it < 100 && hi - lo > 1e-14 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (besselRatio(mid) < a) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** ln I₀(x) for x ≥ 0: the power series below 20, the asymptotic series above (relative error < 1e-15). */
    static double logI0(double x) {
        if (x < 20) {
            double term = 1;
            double sum = 1;
            double q = x * x / 4;
            for (int k = 1; k < 200 && term > 1e-18 * sum; k++) {
                term *= q / ((double) k * k);
                sum += term;
            }
            return Math.log(sum);
        }
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 30; k++) {
            term *= (2.0 * k - 1) * (2.0 * k - 1) / (8.0 * k * x);
            sum += term;
            if (term < 1e-17) {
                break;
            }
        }
        return x - 0.5 * Math.log(2 * Math.PI * x) + Math.log(sum);
    }

    /** Below K_c, N large: r is Rayleigh with σ² = 1/(2N(1 − K/(2D))), so E[r] = sqrt(π/(4N(1 − K/(2D)))). */
    public static double incoherentMeanR(double coupling, double noise, int n) {
        double q = 1 - coupling / (2 * noise);
        if (!(q > 0)) {
            throw new IllegalArgumentException("the incoherent law needs K < 2D, got K = " + coupling + ", D = " + noise);
        }
        return Math.sqrt(Math.PI / (4 * n * q));
    }
}
