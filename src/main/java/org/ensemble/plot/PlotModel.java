package org.ensemble.plot;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What a drawn chart shows a reader, read back from the chart after it was drawn: its title, each
 * axis's title and the tick labels XChart actually placed, the series and whether each has a
 * legend entry, and a density map's colour bar. Written beside each plot ({@code NAME.plot.json})
 * so the house rules can be checked on every plot a run writes ({@link #problems()}).
 *
 * <p>Series whose names begin with "_" are scaffolding (an invisible frame), not data.
 */
public record PlotModel(String title, Axis x, Axis y, List<Entry> series, boolean legendVisible,
                        ColourBar colourBar) {

    public record Axis(String title, boolean log, List<String> tickLabels) {
    }

    public record Entry(String name, boolean inLegend) {
    }

    public record ColourBar(String title, boolean log, List<String> tickLabels) {
    }

    /** The model of a chart that has been drawn (tick labels exist only after drawing). */
    public static PlotModel of(Chart<?, ?> chart) {
        if (chart instanceof DensityMap d) {
            PlotModel inner = of(d.axes());
            ColourScale cs = d.colourScale();
            return new PlotModel(chart.getTitle(), inner.x, inner.y, inner.series, inner.legendVisible,
                    new ColourBar(d.colourBarTitle(), cs.log(), d.colourBarLabels()));
        }
        if (chart instanceof XYChart c) {
            List<Entry> entries = new ArrayList<>();
            for (XYSeries s : c.getSeriesCollection()) {
                entries.add(new Entry(s.getName(), s.isShowInLegend()));
            }
            return new PlotModel(c.getTitle(), axis(c, true), axis(c, false), entries, c.getStyler().isLegendVisible(),
                    null);
        }
        return new PlotModel(chart.getTitle(), null, null, List.of(), false, null);
    }

    /** Every way this plot breaks the house rules, in words; empty when it keeps them. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (title == null || title.isBlank()) {
            p.add("no title");
        }
        if (x == null || y == null) {
            p.add("not a chart of the house plot layer (no axes to check)");
            return p;
        }
        axisProblems(p, "x", x);
        axisProblems(p, "y", y);
        int data = 0;
        for (Entry e : series) {
            if (e.name.startsWith("_")) {
                continue;
            }
            data++;
            if (!e.inLegend || e.name.isBlank()) {
                p.add("series \"" + e.name + "\" has no legend entry");
            }
        }
        if (data > 0 && !legendVisible) {
            p.add("legend hidden");
        }
        if (data == 0 && colourBar == null) {
            p.add("no data series");
        }
        if (colourBar != null) {
            if (colourBar.title == null || colourBar.title.isBlank()) {
                p.add("colour bar without a title");
            }
            if (colourBar.tickLabels.size() < 3) {
                p.add("colour bar with fewer than 3 labelled ticks: " + colourBar.tickLabels);
            }
        }
        return p;
    }

    private static void axisProblems(List<String> p, String name, Axis a) {
        if (a.title == null || a.title.isBlank()) {
            p.add(name + " axis without a title");
        }
        long labelled = a.tickLabels.stream().filter(s -> s != null && !s.isBlank()).count();
        if (labelled < 3) {
            p.add(name + " axis with " + labelled + " labelled ticks (fewer than 3): " + a.tickLabels);
        }
    }

    private static Axis axis(XYChart c, boolean xAxis) {
        boolean log = xAxis ? c.getStyler().isXAxisLogarithmic() : c.getStyler().isYAxisLogarithmic();
        return new Axis(xAxis ? c.getXAxisTitle() : c.getYAxisTitle(), log, drawnTickLabels(c, xAxis));
    }

    /** The tick labels of the last drawing, from XChart's axis (not public API: read reflectively). */
    @SuppressWarnings("unchecked")
    private static List<String> drawnTickLabels(XYChart c, boolean xAxis) {
        try {
            Method m = AxesChart.class.getDeclaredMethod(xAxis ? "getXAxis" : "getYAxis");
            m.setAccessible(true);
            Object axis = m.invoke(c);
            Object calc = axis.getClass().getMethod("getAxisTickCalculator").invoke(axis);
            if (calc == null) {
                return List.of();
            }
            Method labels = calc.getClass().getMethod("getTickLabels");
            labels.setAccessible(true);
            return new ArrayList<>((List<String>) labels.invoke(calc));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the tick labels of a drawn chart: " + e, e);
        }
    }
}
