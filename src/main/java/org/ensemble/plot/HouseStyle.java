package org.ensemble.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * The house rules applied to an XY chart just before it is drawn, when its data are known: a log
 * axis labels its ticks at any span (minor ticks unlabelled) or becomes linear where the data span
 * less than a factor 2.5 (a log axis would then carry fewer than three labels); a legend with many
 * entries moves beside the plot instead of over the data.
 */
final class HouseStyle {
    private static final int LEGEND_INSIDE_MAX = 5;
    /** The name of the invisible point added by {@link #breakEqualSpacing}. */
    static final String LAYOUT = "_layout";

    private HouseStyle() {
    }

    static void apply(XYChart c) {
        XYStyler st = c.getStyler();
        if (c.getSeries(LAYOUT) != null) {
            return;
        }
        if (st.isXAxisLogarithmic()) {
            double[] r = range(c, true, st.getXAxisMin(), st.getXAxisMax());
            if (TickLabels.logWorthwhile(r[0], r[1])) {
                st.setXAxisLogarithmicDecadeOnly(false);
                st.setXAxisTickLabelsFormattingFunction(TickLabels.logAxis(r[0], r[1]));
            } else {
                st.setXAxisLogarithmic(false);
                c.setXAxisTitle(notLog(c.getXAxisTitle()));
            }
        }
        if (st.isYAxisLogarithmic()) {
            double[] r = range(c, false, st.getYAxisMin(), st.getYAxisMax());
            if (TickLabels.logWorthwhile(r[0], r[1])) {
                st.setYAxisLogarithmicDecadeOnly(false);
                st.setYAxisTickLabelsFormattingFunction(TickLabels.logAxis(r[0], r[1]));
            } else {
                st.setYAxisLogarithmic(false);
                c.setYAxisTitle(notLog(c.getYAxisTitle()));
            }
        }
        if (!st.isXAxisLogarithmic()) {
            st.setXAxisTickLabelsFormattingFunction(TickLabels::number);
        }
        if (!st.isYAxisLogarithmic()) {
            st.setYAxisTickLabelsFormattingFunction(TickLabels::number);
        }
        breakEqualSpacing(c);
        int inLegend = 0;
        for (XYSeries s : c.getSeriesCollection()) {
            inLegend += s.isShowInLegend() ? 1 : 0;
        }
        if (inLegend > LEGEND_INSIDE_MAX && st.getLegendPosition() == Styler.LegendPosition.InsideNE) {
            st.setLegendPosition(Styler.LegendPosition.OutsideE);
        }
    }

    /** An axis title without the "(log scale)" it no longer has. */
    private static String notLog(String title) {
        return title == null ? null : title.replace(" (log scale)", "").replace(" (log axis)", "");
    }

    /** The positive data range along one axis (error bars included on y), or the axis limits where set. */
    private static double[] range(XYChart c, boolean xAxis, Double fixedMin, Double fixedMax) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries s : c.getSeriesCollection()) {
            double[] v = xAxis ? s.getXData() : s.getYData();
            double[] e = xAxis ? null : s.getExtraValues();
            for (int i = 0; i < v.length; i++) {
                double lower = e == null ? v[i] : v[i] - e[i];
                double upper = e == null ? v[i] : v[i] + e[i];
                if (lower > 0 && Double.isFinite(lower)) {
                    lo = Math.min(lo, lower);
                } else if (v[i] > 0 && Double.isFinite(v[i])) {
                    lo = Math.min(lo, v[i]);
                }
                if (upper > 0 && Double.isFinite(upper)) {
                    hi = Math.max(hi, upper);
                }
            }
        }
        if (fixedMin != null) {
            lo = fixedMin;
        }
        if (fixedMax != null) {
            hi = fixedMax;
        }
        return new double[] {lo, hi};
    }

    /**
     * XChart puts x ticks at the data's own x values when they are equally spaced: bin centres
     * like −2.9988, −2.4988 … One invisible point off that grid makes it choose round ticks.
     */
    private static void breakEqualSpacing(XYChart c) {
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        java.util.TreeSet<Double> ys = new java.util.TreeSet<>();
        boolean logY = c.getStyler().isYAxisLogarithmic();
        for (XYSeries s : c.getSeriesCollection()) {
            double[] sx = s.getXData();
            double[] sy = s.getYData();
            for (int i = 0; i < sx.length; i++) {
                if (Double.isFinite(sx[i])) {
                    xs.add(sx[i]);
                }
                if (Double.isFinite(sy[i]) && (sy[i] > 0 || !logY)) {
                    ys.add(sy[i]);
                }
            }
        }
        if (xs.size() < 2 || ys.isEmpty()) {
            return;
        }
        // The same holds for y (two values are always "equally spaced"): the point lies off both grids.
        double y = ys.size() < 2 ? ys.first() : logY
                ? Math.exp(Math.log(ys.first()) + 0.381966 * (Math.log(ys.last()) - Math.log(ys.first())))
                : ys.first() + 0.381966 * (ys.last() - ys.first());
        double lo = xs.first();
        double hi = xs.last();
        XYSeries s = c.addSeries(LAYOUT, new double[] {lo + 0.381966 * (hi - lo)}, new double[] {y});
        s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        s.setLineColor(new java.awt.Color(0, 0, 0, 0));
        s.setShowInLegend(false);
    }
}
