package org.ensemble.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What goes beside a measurement on an XY chart: its uncertainty (a translucent band or error
 * bars) and the theory it is compared with (a dashed dark line, or a horizontal reference such as
 * a threshold). Every overlay is a named series, so it has its own legend entry.
 */
public final class Overlays {
    private static final BasicStroke DASHED = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {7f, 5f}, 0f);

    private Overlays() {
    }

    /** A band between lo and hi over x (e.g. a pointwise 95% CI), filled translucent in the given colour. */
    public static XYSeries band(XYChart c, String name, double[] x, double[] lo, double[] hi, Color colour) {
        Charts.requireSameLength(name, x, lo);
        Charts.requireSameLength(name, x, hi);
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = hi[i];
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = lo[i];
        }
        XYSeries s = c.addSeries(name, px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(Palette.translucent(colour, 60));
        s.setLineColor(Palette.translucent(colour, 110));
        s.setLineStyle(new BasicStroke(0.6f));
        return s;
    }

    /** Points with symmetric error bars of the given half-widths (e.g. 1.96 SE), no connecting line. */
    public static XYSeries errorBars(XYChart c, String name, double[] x, double[] y, double[] halfWidth, Color colour) {
        Charts.requireSameLength(name, x, y);
        Charts.requireSameLength(name, x, halfWidth);
        XYSeries s = c.addSeries(name, x, y, halfWidth);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(colour);
        s.setLineColor(colour);
        return s;
    }

    /** Points without error bars (e.g. exact values at the measured abscissae). */
    public static XYSeries points(XYChart c, String name, double[] x, double[] y, Color colour,
                                  org.knowm.xchart.style.markers.Marker marker) {
        Charts.requireSameLength(name, x, y);
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(colour);
        return s;
    }

    /** A theory curve: dashed, dark, without markers. */
    public static XYSeries theoryLine(XYChart c, String name, double[] x, double[] y) {
        Charts.requireSameLength(name, x, y);
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Palette.THEORY);
        s.setLineStyle(DASHED);
        return s;
    }

    /** A horizontal reference at y from xMin to xMax (a threshold, an exact limit). */
    public static XYSeries horizontal(XYChart c, String name, double y, double xMin, double xMax) {
        return theoryLine(c, name, new double[] {xMin, xMax}, new double[] {y, y});
    }

    /** A series as a plain line in the given colour (the measurement a band or theory line goes with). */
    public static XYSeries line(XYChart c, String name, double[] x, double[] y, Color colour) {
        Charts.requireSameLength(name, x, y);
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(new BasicStroke(2f));
        return s;
    }

    /**
     * Makes the y axis cover at least [lo, hi] (e.g. [0, 1] for a fraction) with an invisible
     * scaffolding series; unlike fixed axis limits it keeps XChart's round ticks between them.
     */
    public static void yRange(XYChart c, double x, double lo, double hi) {
        XYSeries s = c.addSeries("_y-range", new double[] {x, x, x}, new double[] {lo, lo + 0.381966 * (hi - lo), hi});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }
}
