package org.ensemble.plot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Everything a plot is drawn from, as data: the chart's size and titles, its styler's settable
 * properties, each series' values and style, and for a {@link DensityMap} the raster, its edges and
 * its colour scale. Written beside each plot ({@code NAME.chart.json}) before the house rules are
 * applied, so {@code ensemble plot RUN_DIR} rebuilds the chart and draws it through the same
 * pipeline: the same bytes with the same version, the current house style after it changes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChartData(int version, String type, int width, int height, String title, String xTitle, String yTitle,
                        ObjectNode styler, List<Series> series, Density density) {

    /** The format this version writes and reads. */
    public static final int VERSION = 1;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Series(String name, double[] x, double[] y, double[] errors, ObjectNode style) {
    }

    /** A density map's raster (values[i][j] in x cell i, y cell j) and colour scale. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Density(double[] xEdges, double[] yEdges, double[][] values, String colourBarTitle, boolean log,
                          double logFloor, ColourScale scale) {
    }

    /** The data of a chart not yet drawn (the house rules add scaffolding when it is). */
    public static ChartData of(Chart<?, ?> chart) {
        if (chart instanceof DensityMap d) {
            ChartData axes = of(d.axes());
            return new ChartData(VERSION, "density", d.getWidth(), d.getHeight(), d.getTitle(), axes.xTitle,
                    axes.yTitle, axes.styler, axes.series, new Density(d.xEdges(), d.yEdges(), d.values(),
                    d.colourBarTitle(), d.isLog(), d.logFloor(), d.explicitScale()));
        }
        if (chart instanceof XYChart c) {
            List<Series> series = new ArrayList<>();
            for (XYSeries s : c.getSeriesCollection()) {
                series.add(new Series(s.getName(), s.getXData(), s.getYData(), s.getExtraValues(),
                        BeanProperties.read(s)));
            }
            return new ChartData(VERSION, "xy", c.getWidth(), c.getHeight(), c.getTitle(), c.getXAxisTitle(),
                    c.getYAxisTitle(), BeanProperties.read(c.getStyler()), series, null);
        }
        throw new IllegalArgumentException("no chart data for a " + chart.getClass().getSimpleName());
    }

    /** The chart these data describe, not yet drawn. */
    public Chart<?, ?> toChart() {
        if (version != VERSION) {
            throw new IllegalArgumentException("chart data of format version " + version + ", this Ensemble reads "
                    + VERSION);
        }
        if ("density".equals(type)) {
            if (density == null) {
                throw new IllegalArgumentException("a density chart without its raster");
            }
            DensityMap d = new DensityMap(title, xTitle, yTitle, density.xEdges, density.yEdges, density.values,
                    density.colourBarTitle);
            fill(d.axes());
            if (density.log) {
                d.logScale(density.logFloor);
            }
            if (density.scale != null) {
                d.scale(density.scale);
            }
            return d;
        }
        if ("xy".equals(type)) {
            XYChart c = new XYChart(width, height);
            c.setTitle(title);
            c.setXAxisTitle(xTitle);
            c.setYAxisTitle(yTitle);
            fill(c);
            return c;
        }
        throw new IllegalArgumentException("unknown chart type " + type);
    }

    /** Replaces the chart's series and styler settings by the recorded ones. */
    private void fill(XYChart c) {
        for (String name : c.getSeriesCollection().stream().map(XYSeries::getName).toList()) {
            c.removeSeries(name);
        }
        BeanProperties.apply(c.getStyler(), styler);
        for (Series s : series) {
            XYSeries x = c.addSeries(s.name, s.x, s.y, s.errors);
            BeanProperties.apply(x, s.style);
        }
    }
}
