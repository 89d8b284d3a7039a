package org.ensemble.plot;

import java.awt.BasicStroke;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Kaplan–Meier survival with its pointwise CI band and the fitted exponential e^{−t/τ}, log y axis. */
public final class SurvivalPlot {
    private SurvivalPlot() {
    }

    public static XYChart create(String title, double[] times, double[] survival, double[] lower, double[] upper,
                                 double mfpt) {
        Charts.requireSameLength("survival", times, survival);
        Charts.requireSameLength("survival band", lower, upper);
        XYChart c = Charts.xy(title, "time t", "survival S(t)");
        c.getStyler().setYAxisLogarithmic(true);
        // Log axes cannot show S = 0: plot the positive part only (the last escape drops S to 0).
        int positive = 0;
        while (positive < survival.length && survival[positive] > 0) {
            positive++;
        }
        // At most ~2000 steps drawn: enough for the eye, keeps the SVG small.
        int stride = Math.max(1, positive / 2000);
        int n = (positive + stride - 1) / stride;
        double[] t = new double[n + 1];
        double[] s = new double[n + 1];
        double[] lo = new double[n + 1];
        double[] hi = new double[n + 1];
        t[0] = 0;
        s[0] = 1;
        lo[0] = 1;
        hi[0] = 1;
        for (int i = 0; i < n; i++) {
            int j = Math.min(positive - 1, i * stride);
            t[i + 1] = times[j];
            s[i + 1] = survival[j];
            lo[i + 1] = Math.max(lower[j], survival[j] * 1e-3);
            hi[i + 1] = Math.max(upper[j], survival[j]);
        }
        Overlays.band(c, "95% CI (pointwise)", t, lo, hi, Palette.series(0));
        XYSeries km = c.addSeries("Kaplan–Meier", t, s, null);
        km.setMarker(SeriesMarkers.NONE);
        km.setLineColor(Palette.series(0));
        km.setLineStyle(new BasicStroke(2f));
        if (Double.isFinite(mfpt) && mfpt > 0 && n > 0) {
            int m = 200;
            double tMax = t[n];
            double[] ft = new double[m + 1];
            double[] fs = new double[m + 1];
            for (int i = 0; i <= m; i++) {
                ft[i] = tMax * i / m;
                fs[i] = Math.exp(-ft[i] / mfpt);
            }
            XYSeries fit = c.addSeries(String.format("exponential, τ = %.4g", mfpt), ft, fs, null);
            fit.setMarker(SeriesMarkers.NONE);
            fit.setLineColor(Palette.series(1));
            fit.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
        return c;
    }
}
