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
        return create(title, yTitle, beta, p, se, exactBeta, exact, "exact committor (quadrature)");
    }

    /** As {@link #create(String, String, double[], double[], double[], double[], double[])}, naming the exact curve. */
    public static XYChart create(String title, String yTitle, double[] beta, double[] p, double[] se,
                                 double[] exactBeta, double[] exact, String exactName) {
        Charts.requireSameLength("splitting", beta, p);
        Charts.requireSameLength("splitting", beta, se);
        Charts.requireSameLength("splitting exact", exactBeta, exact);
        XYChart c = Charts.xy(title, "inverse temperature β", yTitle);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setYAxisDecimalPattern("0.#E0");
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        XYSeries curve = c.addSeries(exactName, exactBeta, exact);
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
     * A 2-D committor q on a grid (cell values q[i * ny + j]) as a log-scale colour map with its
     * decade contours and q = 1/2 (the transition state ensemble), the balls A and B drawn as circles
     * and the start point marked, its legend entry carrying the estimate beside the grid value.
     */
    public static DensityMap committorMap(String title, double[] xEdges, double[] yEdges, double[] q,
                                          double[][] centres, double[] radii, String[] names, double[] start,
                                          String startLabel) {
        int nx = xEdges.length - 1;
        int ny = yEdges.length - 1;
        double[] xc = new double[nx];
        double[] yc = new double[ny];
        for (int i = 0; i < nx; i++) {
            xc[i] = (xEdges[i] + xEdges[i + 1]) / 2;
        }
        for (int j = 0; j < ny; j++) {
            yc[j] = (yEdges[j] + yEdges[j + 1]) / 2;
        }
        double[][] lg = new double[nx][ny];
        double lowest = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                lg[i][j] = Math.log10(Math.max(q[i * ny + j], 1e-300));
                lowest = Math.min(lowest, lg[i][j]);
            }
        }
        int decades = (int) Math.min(12, Math.max(1, Math.floor(-lowest)));
        DensityMap m = HeatMaps.density(title, xEdges, yEdges, q, "committor q (log scale)")
                .logScale(Math.pow(10, -decades));
        double[] levels = new double[decades];
        for (int k = 0; k < decades; k++) {
            levels[k] = -(k + 1);
        }
        m.contours("q = 1e-1, 1e-2, … (decades)", xc, yc, lg, levels);
        double[][] lin = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                lin[i][j] = q[i * ny + j];
            }
        }
        m.contours("q = 1/2", xc, yc, lin, new double[] {0.5});
        XYSeries half = m.axes().getSeries("q = 1/2");
        if (half != null) {
            half.setLineColor(new Color(230, 60, 60));
            half.setLineStyle(new java.awt.BasicStroke(2f));
        }
        Color[] colours = {new Color(0, 114, 178), new Color(213, 94, 0)};
        for (int b = 0; b < centres.length; b++) {
            int k = 96;
            double[] cx = new double[k + 1];
            double[] cy = new double[k + 1];
            for (int t = 0; t <= k; t++) {
                cx[t] = centres[b][0] + radii[b] * Math.cos(2 * Math.PI * t / k);
                cy[t] = centres[b][1] + radii[b] * Math.sin(2 * Math.PI * t / k);
            }
            Overlays.line(m.axes(), names[b], cx, cy, colours[b % 2]).setLineStyle(new java.awt.BasicStroke(2.5f));
        }
        m.markers(startLabel, new double[] {start[0]}, new double[] {start[1]}, SeriesMarkers.CROSS,
                new Color(0, 0, 0));
        return m;
    }

    /**
     * The estimates divided by the exact values, with ±2 SE bars and the line at 1: the log plot
     * cannot show a 10% error over eleven decades, this one can.
     */
    public static XYChart ratio(String title, double[] beta, double[] ratio, double[] ratioSe) {
        return ratio(title, beta, ratio, ratioSe, "exact committor", null, null);
    }

    /**
     * As {@link #ratio(String, double[], double[], double[])}, naming the reference and, when
     * {@code referenceRelErr} is not null, drawing the reference's own relative error (a grid
     * committor's |q_h − q_2h| / q) as a grey band around 1 through the measured β, named
     * {@code errorName}.
     */
    public static XYChart ratio(String title, double[] beta, double[] ratio, double[] ratioSe, String referenceName,
                                double[] referenceRelErr, String errorName) {
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
        XYSeries one = c.addSeries(referenceName, new double[] {lo - pad, hi + pad}, new double[] {1, 1});
        one.setMarker(SeriesMarkers.NONE);
        one.setLineColor(new Color(60, 60, 60));
        if (referenceRelErr != null) {
            Charts.requireSameLength("splitting ratio reference error", beta, referenceRelErr);
            Integer[] order = new Integer[beta.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> beta[i]));
            boolean single = order.length == 1; // one β: a short band around it, or it would have no width
            int n = single ? 2 : order.length;
            double[] x = new double[n];
            double[] lower = new double[n];
            double[] upper = new double[n];
            for (int k = 0; k < n; k++) {
                int i = order[single ? 0 : k];
                x[k] = single ? beta[i] + (k == 0 ? -pad / 2 : pad / 2) : beta[i];
                lower[k] = 1 - referenceRelErr[i];
                upper[k] = 1 + referenceRelErr[i];
            }
            Overlays.band(c, errorName, x, lower, upper, new Color(60, 60, 60));
        }
        Color red = new Color(200, 40, 40);
        XYSeries pts = c.addSeries("mean of independent runs / exact (±2 SE)", beta, ratio, bars);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pts.setMarker(SeriesMarkers.CIRCLE);
        pts.setMarkerColor(red);
        pts.setLineColor(red); // the error bars take the series colour: the same red as the points
        c.getStyler().setMarkerSize(8);
        // Below the plot: inside, the legend would sit on the line at 1 it explains.
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
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

    /**
     * A sweep of a splitting scenario: estimate / exact against the varied value, one series per β
     * with ±2 SE bars, beside the line at 1 (the exact value); a log x axis (1-2-5 ticks) when the
     * values are positive and span more than a decade. Each β's points sit 1% of the axis aside from
     * the next β's, so that their bars do not hide each other. Non-finite ratios (a point that did
     * not finish, no exact value) are left out.
     */
    public static XYChart sweep(String title, String xTitle, double[] x, double[] betas, double[][] ratio,
                                double[][] ratioSe, String exactName) {
        double lo = min(x);
        double hi = max(x);
        boolean log = lo > 0 && hi > 10 * lo;
        XYChart c = Charts.xy(title, xTitle + (log ? " (log scale)" : ""), "estimate / exact (±2 SE)");
        if (log) {
            c.getStyler().setXAxisLogarithmic(true).setXAxisLogarithmicDecadeOnly(false);
        }
        double[] ends = log ? new double[] {lo / 1.2, hi * 1.2} : new double[] {lo - 0.05 * (hi - lo + 1e-300),
            hi + 0.05 * (hi - lo + 1e-300)};
        XYSeries one = c.addSeries(exactName, ends, new double[] {1, 1});
        one.setMarker(SeriesMarkers.NONE);
        one.setLineColor(new Color(60, 60, 60));
        for (int b = 0; b < betas.length; b++) {
            java.util.List<double[]> keep = new java.util.ArrayList<>();
            // Each β's points moved aside a little (1% of the axis per series) so that their bars do not overlap.
            double shift = (b - (betas.length - 1) / 2.0) * 0.01;
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(ratio[b][i]) && Double.isFinite(ratioSe[b][i])) {
                    double at = log ? x[i] * Math.pow(hi / lo, shift) : x[i] + shift * (hi - lo);
                    keep.add(new double[] {at, ratio[b][i], 2 * ratioSe[b][i]});
                }
            }
            if (keep.isEmpty()) {
                continue;
            }
            XYSeries pts = c.addSeries("β = " + betas[b] + ": mean of independent runs / exact (±2 SE)",
                    keep.stream().mapToDouble(v -> v[0]).toArray(), keep.stream().mapToDouble(v -> v[1]).toArray(),
                    keep.stream().mapToDouble(v -> v[2]).toArray());
            pts.setMarker(SeriesMarkers.CIRCLE);
        }
        c.getStyler().setMarkerSize(8);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        return c;
    }
}
