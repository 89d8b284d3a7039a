package org.ensemble.graphdynamics;

import org.ensemble.meanfield.DesaiZwanzig;

/**
 * The exact finite-N stationary mean of the magnetisation of N Langevin particles coupled to their
 * mean (dX_i = −V'(X_i) dt + θ(m_N − X_i) dt + sqrt(2/β) dW_i), in one well (m_N > 0). The N-particle
 * Gibbs law ∝ exp(−β[Σ V(x_i) + θ/2 Σ x_i² − θN m_N²/2]) is a gradient law; writing
 * exp(βθN m²/2) as a Gaussian integral over h (Hubbard–Stratonovich, exact) makes the x_i iid from
 * ρ_h ∝ e^{−β(V + θx²/2) + βθhx} given h, with E[m_N | h] = R(h) (the mean-field map), and h has
 * density ∝ exp(N f(h)), f'(h) = βθ(R(h) − h). So E_N[m_N] = ∫ R e^{Nf} / ∫ e^{Nf} over h > 0 —
 * a 1-D integral around the mean-field root m* (width O(N^-1/2)); E_N − m* = O(1/N).
 */
public final class DesaiZwanzigFiniteN {
    private static final int POINTS = 600;
    private static final double WIDTHS = 12;

    private DesaiZwanzigFiniteN() {
    }

    /** E_N[m_N | the positive well]; NaN at or below β_c (no broken symmetry). */
    public static double meanMagnetization(double theta, double beta, long n) {
        DesaiZwanzig dz = new DesaiZwanzig(theta);
        double mStar = dz.magnetization(beta);
        if (!(mStar > 0)) {
            return Double.NaN;
        }
        double eps = 1e-5;
        double slope = (dz.selfConsistencyMap(beta, mStar + eps) - dz.selfConsistencyMap(beta, mStar - eps)) / (2 * eps);
        // f''(m*) = βθ(R'(m*) − 1) < 0: the Gaussian width of h
        double sigma = 1 / Math.sqrt(n * beta * theta * Math.max(1e-12, 1 - slope));
        double lo = Math.max(1e-9, mStar - WIDTHS * sigma);
        double hi = mStar + WIDTHS * sigma;
        double step = (hi - lo) / POINTS;
        double[] h = new double[POINTS + 1];
        double[] r = new double[POINTS + 1];
        for (int k = 0; k <= POINTS; k++) {
            h[k] = lo + k * step;
            r[k] = dz.selfConsistencyMap(beta, h[k]);
        }
        // N f(h) up to a constant, by the trapezoid rule on f' (its error in N f is O(N step²) = O(1e-4 / (1 − R')))
        double[] nf = new double[POINTS + 1];
        for (int k = 1; k <= POINTS; k++) {
            double g0 = r[k - 1] - h[k - 1];
            double g1 = r[k] - h[k];
            nf[k] = nf[k - 1] + n * beta * theta * 0.5 * (g0 + g1) * step;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : nf) {
            max = Math.max(max, v);
        }
        double num = 0;
        double den = 0;
        for (int k = 0; k <= POINTS; k++) {
            double wgt = (k == 0 || k == POINTS ? 1 : k % 2 == 1 ? 4 : 2) * Math.exp(nf[k] - max); // Simpson
            num += wgt * r[k];
            den += wgt;
        }
        return num / den;
    }
}
