package org.ensemble.plot;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * ln k against β: the simulation's points with 95% error bars, the fitted line, a line with the
 * true barrier's slope, and where known the exact rate (1/exact MFPT) and the Eyring–Kramers rate
 * at each β.
 */
public final class ArrheniusPlot {
    private ArrheniusPlot() {
    }

    public static XYChart create(String title, double[] beta, double[] lnRate, double[] lnRateSe, double fittedBarrier,
                                 double fittedBarrierHalfWidth, double lnPrefactor, double trueBarrier) {
        return create(title, beta, lnRate, lnRateSe, fittedBarrier, fittedBarrierHalfWidth, lnPrefactor, trueBarrier,
                null, null);
    }

    /** lnExact, lnEyringKramers: ln of the exact and Eyring–Kramers rates per β (NaN or null where unknown). */
    public static XYChart create(String title, double[] beta, double[] lnRate, double[] lnRateSe, double fittedBarrier,
                                 double fittedBarrierHalfWidth, double lnPrefactor, double trueBarrier,
                                 double[] lnExact, double[] lnEyringKramers) {
        Charts.requireSameLength("Arrhenius", beta, lnRate);
        Charts.requireSameLength("Arrhenius", beta, lnRateSe);
        XYChart c = Charts.xy(title, "inverse temperature β", "ln k (k = 1/MFPT)");
        double[] err = new double[beta.length];
        for (int i = 0; i < beta.length; i++) {
            err[i] = 1.96 * lnRateSe[i];
        }
        double lo = beta[0];
        double hi = beta[0];
        for (double b : beta) {
            lo = Math.min(lo, b);
            hi = Math.max(hi, b);
        }
        double[] xs = {lo, hi};
        XYSeries fit = Overlays.line(c, String.format("fit: ΔV = %.4f ± %.4f (95%% CI)", fittedBarrier,
                fittedBarrierHalfWidth), xs, new double[] {lnPrefactor - fittedBarrier * lo,
                    lnPrefactor - fittedBarrier * hi}, Palette.series(0));
        fit.setMarker(SeriesMarkers.NONE);
        if (Double.isFinite(trueBarrier)) {
            // Through the data's centre, with the true slope.
            double mb = 0;
            double ml = 0;
            for (int i = 0; i < beta.length; i++) {
                mb += beta[i] / beta.length;
                ml += lnRate[i] / beta.length;
            }
            Overlays.theoryLine(c, String.format("slope of the true barrier ΔV = %.4g", trueBarrier), xs,
                    new double[] {ml - trueBarrier * (lo - mb), ml - trueBarrier * (hi - mb)});
        }
        known(c, "exact rate (1/exact MFPT)", beta, lnExact, SeriesMarkers.DIAMOND, Palette.series(2));
        known(c, "Eyring–Kramers rate", beta, lnEyringKramers, SeriesMarkers.TRIANGLE_UP, Palette.series(3));
        // Last, so the measured points are drawn on top.
        Overlays.errorBars(c, "simulation (95% CI)", beta, lnRate, err, Palette.series(1));
        return c;
    }

    private static void known(XYChart c, String name, double[] beta, double[] v,
                              org.knowm.xchart.style.markers.Marker marker, java.awt.Color colour) {
        if (v == null) {
            return;
        }
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < beta.length && i < v.length; i++) {
            if (Double.isFinite(v[i])) {
                pts.add(new double[] {beta[i], v[i]});
            }
        }
        if (!pts.isEmpty()) {
            Overlays.points(c, name, pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray(), colour, marker);
        }
    }
}
