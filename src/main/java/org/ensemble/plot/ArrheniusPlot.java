package org.ensemble.plot;

import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** ln k against β with 95% error bars, the fitted line, and a line with the true barrier's slope. */
public final class ArrheniusPlot {
    private ArrheniusPlot() {
    }

    public static XYChart create(String title, double[] beta, double[] lnRate, double[] lnRateSe, double fittedBarrier,
                                 double fittedBarrierHalfWidth, double lnPrefactor, double trueBarrier) {
        Charts.requireSameLength("Arrhenius", beta, lnRate);
        Charts.requireSameLength("Arrhenius", beta, lnRateSe);
        XYChart c = Charts.xy(title, "inverse temperature β", "ln k (k = 1/MFPT)");
        double[] err = new double[beta.length];
        for (int i = 0; i < beta.length; i++) {
            err[i] = 1.96 * lnRateSe[i];
        }
        XYSeries pts = c.addSeries("simulation (95% CI)", beta, lnRate, err);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pts.setMarker(SeriesMarkers.CIRCLE);
        double lo = beta[0];
        double hi = beta[0];
        for (double b : beta) {
            lo = Math.min(lo, b);
            hi = Math.max(hi, b);
        }
        double[] xs = {lo, hi};
        XYSeries fit = c.addSeries(String.format("fit: ΔV = %.4f ± %.4f (95%% CI)", fittedBarrier, fittedBarrierHalfWidth), xs,
                new double[] {lnPrefactor - fittedBarrier * lo, lnPrefactor - fittedBarrier * hi});
        fit.setMarker(SeriesMarkers.NONE);
        fit.setLineColor(new Color(200, 40, 40));
        if (Double.isFinite(trueBarrier)) {
            // Through the data's weighted centre, with the true slope.
            double mb = 0;
            double ml = 0;
            for (int i = 0; i < beta.length; i++) {
                mb += beta[i] / beta.length;
                ml += lnRate[i] / beta.length;
            }
            XYSeries truth = c.addSeries(String.format("slope of true barrier ΔV = %.4g", trueBarrier), xs,
                    new double[] {ml - trueBarrier * (lo - mb), ml - trueBarrier * (hi - mb)});
            truth.setMarker(SeriesMarkers.NONE);
            truth.setLineColor(new Color(60, 60, 60));
        }
        return c;
    }
}
