package org.ensemble.sgd;

import java.util.List;

/**
 * Whether a noise-free run grows or decays: the growth rate per version of the window-mean |x − x*|²
 * between the report at half the run and the last one, ½ ln(W_last / W_half) / (v_last − v_half);
 * +∞ for a run that diverged, −∞ for one that reached exactly 0. Windows longer than the
 * oscillation period (2(2τ+1) versions at the delayed boundary) average the oscillation out.
 */
public final class StabilityProbe {
    private StabilityProbe() {
    }

    public static double growthRate(List<SgdReport> reports, boolean diverged) {
        if (diverged) {
            return Double.POSITIVE_INFINITY;
        }
        SgdReport last = reports.get(reports.size() - 1);
        SgdReport half = reports.get(reports.size() / 2);
        if (last.windowSquaredError() == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (last == half || half.windowSquaredError() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return 0.5 * Math.log(last.windowSquaredError() / half.windowSquaredError())
                / (last.version() - half.version());
    }

    /** Exact stability boundary of x_{t+1} = x_t − a x_{t−τ}: stable iff a < 2 sin(π / (2(2τ + 1))). */
    public static double boundary(double tau) {
        return 2 * Math.sin(Math.PI / (2 * (2 * tau + 1)));
    }
}
