package org.ensemble.observe.escape;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Weighted least squares of ln k against β, weights 1/SE(ln k)² with SE(ln k) = SE(MFPT)/MFPT. */
public final class ArrheniusFit {
    private ArrheniusFit() {
    }

    public static ArrheniusFitResult fit(double[] beta, double[] lnRate, double[] lnRateSe, double confidence) {
        int n = beta.length;
        if (n < 2 || lnRate.length != n || lnRateSe.length != n) {
            throw new IllegalArgumentException("an Arrhenius fit needs at least two (β, ln k, SE) points of equal count");
        }
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            if (!(lnRateSe[i] > 0) || !Double.isFinite(lnRate[i])) {
                throw new IllegalArgumentException("point " + i + " (β = " + beta[i] + ") has no finite rate or SE");
            }
            double w = 1 / (lnRateSe[i] * lnRateSe[i]);
            sw += w;
            sx += w * beta[i];
            sy += w * lnRate[i];
            sxx += w * beta[i] * beta[i];
            sxy += w * beta[i] * lnRate[i];
        }
        double det = sw * sxx - sx * sx;
        if (!(det > 0)) {
            throw new IllegalArgumentException("an Arrhenius fit needs at least two distinct β");
        }
        double slope = (sw * sxy - sx * sy) / det;
        double intercept = (sy - slope * sx) / sw;
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            double r = (lnRate[i] - intercept - slope * beta[i]) / lnRateSe[i];
            chi2 += r * r;
        }
        double chi2PerDof = n > 2 ? chi2 / (n - 2) : Double.NaN;
        double inflate = n > 2 ? Math.max(1, Math.sqrt(chi2PerDof)) : 1;
        double slopeSe = Math.sqrt(sw / det) * inflate;
        double interceptSe = Math.sqrt(sxx / det) * inflate;
        double z = new NormalDistribution().inverseCumulativeProbability(0.5 + confidence / 2);
        double barrier = -slope;
        return new ArrheniusFitResult(barrier, slopeSe, barrier - z * slopeSe, barrier + z * slopeSe, intercept,
                interceptSe, chi2PerDof, n);
    }
}
