package org.ensemble.plot;

import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A rare-event probability against β on a log axis: the splitting estimates with ±2 SE bars (a
 * bar's lower end is clipped at a tenth of the estimate, since a log axis cannot show ≤ 0) and the
 * exact curve beside them.
 */
public final class SplittingPlot {
    private SplittingPlot() {
    }

    public static XYChart create(String title, String yTitle, double[] beta, double[] p, double[] se,
                                 double[] exactBeta, double[] exact) {
        Charts.requireSameLength("splitting", beta, p);
        Charts.requireSameLength("splitting", beta, se);
        Charts.requireSameLength("splitting exact", exactBeta, exact);
        XYChart c = Charts.xy(title, "inverse temperature β", yTitle);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setYAxisDecimalPattern("0.#E0");
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        XYSeries curve = c.addSeries("exact committor (quadrature)", exactBeta, exact);
        // One β: the exact value is a point, drawn as a marker (a one-point line is invisible).
        curve.setMarker(max(exactBeta) > min(exactBeta) ? SeriesMarkers.NONE : SeriesMarkers.DIAMOND);
        curve.setMarkerColor(new Color(60, 60, 60));
        curve.setLineColor(new Color(60, 60, 60));
        Color bar = new Color(200, 40, 40);
        XYSeries pts = c.addSeries("mean of independent runs (±2 SE)", beta, p);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pts.setMarker(SeriesMarkers.CIRCLE);
        pts.setMarkerColor(bar);
        for (int i = 0; i < beta.length; i++) {
            double lo = Math.max(p[i] - 2 * se[i], p[i] / 10);
            // "_": part of the points' series (its legend entry says ±2 SE), not a series of its own.
            XYSeries e = c.addSeries("_bar " + i, new double[] {beta[i], beta[i]}, new double[] {lo, p[i] + 2 * se[i]});
            e.setMarker(SeriesMarkers.NONE);
            e.setLineColor(bar);
            e.setShowInLegend(false);
        }
        // One β (or a narrow range) would leave the x axis a single tick: pad it as the ratio plot does.
        double lo = Math.min(min(beta), min(exactBeta));
        double hi = Math.max(max(beta), max(exactBeta));
        double pad = Math.max(0.5, 0.05 * (hi - lo));
        c.getStyler().setXAxisMin(lo - pad).setXAxisMax(hi + pad);
        return c;
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElseThrow();
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElseThrow();
    }

    /**
     * The estimates divided by the exact values, with ±2 SE bars and the line at 1: the log plot
     * cannot show a 10% error over eleven decades, this one can.
     */
    public static XYChart ratio(String title, double[] beta, double[] ratio, double[] ratioSe) {
        Charts.requireSameLength("splitting ratio", beta, ratio);
        Charts.requireSameLength("splitting ratio", beta, ratioSe);
        XYChart c = Charts.xy(title, "inverse temperature β", "estimate / exact (±2 SE)");
        double lo = beta[0];
        double hi = beta[0];
        double[] bars = new double[beta.length];
        for (int i = 0; i < beta.length; i++) {
            lo = Math.min(lo, beta[i]);
            hi = Math.max(hi, beta[i]);
            bars[i] = 2 * ratioSe[i];
        }
        double pad = Math.max(0.5, 0.05 * (hi - lo));
        XYSeries one = c.addSeries("exact committor", new double[] {lo - pad, hi + pad}, new double[] {1, 1});
        one.setMarker(SeriesMarkers.NONE);
        one.setLineColor(new Color(60, 60, 60));
        XYSeries pts = c.addSeries("mean of independent runs / exact (±2 SE)", beta, ratio, bars);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pts.setMarker(SeriesMarkers.CIRCLE);
        pts.setMarkerColor(new Color(200, 40, 40));
        c.getStyler().setMarkerSize(8);
        return c;
    }

    /**
     * sd of ln p̂ per run against the number of replicas, log-log with readable 1-2-5 ticks: the
     * measured values with ±2 SE bars (the SE of a sample sd of R near-Gaussian values is
     * sd/sqrt(2(R − 1))) beside the idealised law.
     */
    public static XYChart law(String title, double[] n, double[] sd, int runs, double[] law, String lawName) {
        Charts.requireSameLength("splitting law", n, sd);
        Charts.requireSameLength("splitting law", n, law);
        XYChart c = Charts.xy(title, "replicas n (log scale)", "sd of ln p̂ ≈ relative error of one run (log scale)");
        c.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        c.getStyler().setXAxisLogarithmicDecadeOnly(false).setYAxisLogarithmicDecadeOnly(false);
        XYSeries l = c.addSeries(lawName, n, law);
        l.setMarker(SeriesMarkers.NONE);
        l.setLineColor(new Color(60, 60, 60));
        double[] bars = new double[sd.length];
        for (int i = 0; i < sd.length; i++) {
            bars[i] = 2 * sd[i] / Math.sqrt(2.0 * (runs - 1));
        }
        XYSeries m = c.addSeries("measured over " + runs + " runs (±2 SE)", n, sd, bars);
        m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        m.setMarker(SeriesMarkers.CIRCLE);
        m.setMarkerColor(new Color(200, 40, 40));
        c.getStyler().setMarkerSize(8);
        return c;
    }
}
