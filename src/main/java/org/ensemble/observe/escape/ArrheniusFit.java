package org.ensemble.observe.escape;

import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Weighted least squares of ln k against β: ln k = ln A − ΔV·β, weights 1/SE(ln k)², with
 * SE(ln k) ≈ SE(MFPT)/MFPT (delta method, ln k = −ln MFPT).
 *
 * <p>The parameter covariance (XᵀWX)⁻¹ is scaled by χ²/dof and the CI uses Student's t with
 * n − 2 degrees of freedom: the textbook WLS treatment when the SEs are right up to a common factor.
 * That factor matters here because an Arrhenius line is only an approximation (the prefactor of k
 * depends weakly on β, so points scatter more than their SEs say), and the t quantile pays for
 * estimating it. With exactly two points there is no scatter to estimate: the input SEs are taken
 * as they are, with a normal quantile, and χ²/dof is NaN.
 *
 * <p>β is centred on its weighted mean before solving, which keeps the normal equations well
 * conditioned when β values are large and close together.
 */
public final class ArrheniusFit {
    public static final String WLS_T = "wls-t-scaled";
    public static final String WLS_TWO_POINTS = "wls-two-points-normal";

    private ArrheniusFit() {
    }

    /** The fit with a 95% CI. */
    public static ArrheniusFitResult fit(double[] beta, double[] lnRate, double[] lnRateSe) {
        return fit(beta, lnRate, lnRateSe, 0.95);
    }

    /** One point per MFPT estimate: ln k = ln(rate), SE(ln k) = SE(MFPT)/MFPT. */
    public static ArrheniusFitResult fromMfpt(double[] beta, List<MfptEstimate> estimates, double confidence) {
        if (beta.length != estimates.size()) {
            throw new IllegalArgumentException(beta.length + " β values but " + estimates.size() + " MFPT estimates");
        }
        double[] y = new double[beta.length];
        double[] se = new double[beta.length];
        for (int i = 0; i < beta.length; i++) {
            MfptEstimate m = estimates.get(i);
            if (m.escaped() == 0 || !Double.isFinite(m.mfpt()) || !(m.mfpt() > 0)) {
                throw new IllegalArgumentException("the MFPT at β = " + beta[i] + " is not a finite positive estimate ("
                        + m.method() + ", " + m.escaped() + " escaped): no rate to fit");
            }
            y[i] = -Math.log(m.mfpt());
            se[i] = m.standardError() / m.mfpt();
        }
        return fit(beta, y, se, confidence);
    }

    public static ArrheniusFitResult fit(double[] beta, double[] lnRate, double[] lnRateSe, double confidence) {
        int n = beta.length;
        if (lnRate.length != n || lnRateSe.length != n) {
            throw new IllegalArgumentException("β (" + n + "), ln k (" + lnRate.length + ") and SE (" + lnRateSe.length
                    + ") differ in length");
        }
        if (n < 2) {
            throw new IllegalArgumentException("an Arrhenius fit needs at least 2 (β, ln k) points, got " + n);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        double sw = 0;
        double swx = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(beta[i]) || !Double.isFinite(lnRate[i])) {
                throw new IllegalArgumentException("point " + i + " has a non-finite β or ln k: β = " + beta[i]
                        + ", ln k = " + lnRate[i]);
            }
            if (!(lnRateSe[i] > 0) || Double.isInfinite(lnRateSe[i])) {
                throw new IllegalArgumentException("point " + i + " (β = " + beta[i]
                        + ") needs a finite SE(ln k) > 0, got " + lnRateSe[i]);
            }
            double w = 1 / (lnRateSe[i] * lnRateSe[i]);
            sw += w;
            swx += w * beta[i];
        }
        double xBar = swx / sw;
        double sxx = 0;
        double sxy = 0;
        double swy = 0;
        for (int i = 0; i < n; i++) {
            double w = 1 / (lnRateSe[i] * lnRateSe[i]);
            double dx = beta[i] - xBar;
            sxx += w * dx * dx;
            sxy += w * dx * lnRate[i];
            swy += w * lnRate[i];
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("an Arrhenius fit needs at least 2 distinct β values");
        }
        double slope = sxy / sxx;
        double yBar = swy / sw;
        double intercept = yBar - slope * xBar;
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            double r = (lnRate[i] - intercept - slope * beta[i]) / lnRateSe[i];
            chi2 += r * r;
        }
        int dof = n - 2;
        double chi2PerDof = dof > 0 ? chi2 / dof : Double.NaN;
        double scale = dof > 0 ? Math.sqrt(chi2PerDof) : 1;
        double q = dof > 0
                ? TDistribution.of(dof).inverseSurvivalProbability((1 - confidence) / 2)
                : NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - confidence) / 2);
        // Var(slope) = 1/Sxx; Var(intercept) = 1/Σw + x̄²/Sxx (centred parametrisation).
        double slopeSe = scale / Math.sqrt(sxx);
        double interceptSe = scale * Math.sqrt(1 / sw + xBar * xBar / sxx);
        double barrier = -slope;
        double a = Math.exp(intercept);
        return new ArrheniusFitResult(barrier, slopeSe, barrier - q * slopeSe, barrier + q * slopeSe, intercept,
                interceptSe, a, a * interceptSe, chi2, dof, chi2PerDof, scale, n, confidence,
                dof > 0 ? WLS_T : WLS_TWO_POINTS);
    }
}
