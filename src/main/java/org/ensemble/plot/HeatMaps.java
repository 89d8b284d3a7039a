package org.ensemble.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * Heat maps of histograms: a 1-D position histogram over time, and a 2-D histogram. Axis labels
 * are bin centres, thinned so they stay readable.
 */
public final class HeatMaps {
    private static final int MAX_COLUMNS = 120;

    private HeatMaps() {
    }

    /**
     * counts[k][b]: histogram at times[k], bins between edges[b] and edges[b+1]; colour = count /
     * (population · bin width), so a shrinking surviving population fades instead of being
     * renormalised. A first column holding a point mass (every particle in one bin) is left out,
     * or it would set the colour scale alone.
     */
    public static HeatMapChart overTime(String title, double[] times, double[] edges, long[][] counts,
                                        long population) {
        if (times.length == 0 || counts.length != times.length) {
            throw new IllegalArgumentException("histogram over time: need one histogram per time");
        }
        int bins = edges.length - 1;
        int stride = Math.max(1, (times.length + MAX_COLUMNS - 1) / MAX_COLUMNS);
        List<Object> x = new ArrayList<>();
        List<Object> y = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            y.add(label(0.5 * (edges[b] + edges[b + 1])));
        }
        List<Number[]> cells = new ArrayList<>();
        int col = 0;
        int first = times.length > 1 && isPointMass(counts[0]) ? 1 : 0;
        for (int k = first; k < times.length; k += stride) {
            x.add(label(times[k]));
            for (int b = 0; b < bins; b++) {
                double density = population == 0 ? 0 : counts[k][b] / (population * (edges[b + 1] - edges[b]));
                cells.add(new Number[] {col, b, density});
            }
            col++;
        }
        return chart(title, "time t", "position x", x, y, cells);
    }

    private static boolean isPointMass(long[] h) {
        int nonzero = 0;
        for (long v : h) {
            nonzero += v > 0 ? 1 : 0;
        }
        return nonzero <= 1;
    }

    /** joint[i * bins + j]: counts in x bin i and y bin j. */
    public static HeatMapChart joint(String title, double[] xEdges, double[] yEdges, long[] joint) {
        int nx = xEdges.length - 1;
        int ny = yEdges.length - 1;
        if (joint.length != nx * ny) {
            throw new IllegalArgumentException("joint histogram has " + joint.length + " cells, expected " + nx * ny);
        }
        List<Object> x = new ArrayList<>();
        List<Object> y = new ArrayList<>();
        for (int i = 0; i < nx; i++) {
            x.add(label(0.5 * (xEdges[i] + xEdges[i + 1])));
        }
        for (int j = 0; j < ny; j++) {
            y.add(label(0.5 * (yEdges[j] + yEdges[j + 1])));
        }
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                cells.add(new Number[] {i, j, joint[i * ny + j]});
            }
        }
        return chart(title, "x", "y", x, y, cells);
    }

    private static HeatMapChart chart(String title, String xt, String yt, List<Object> x, List<Object> y,
                                      List<Number[]> cells) {
        HeatMapChart c = new HeatMapChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
                .xAxisTitle(xt).yAxisTitle(yt).build();
        c.getStyler().setRangeColors(new Color[] {new Color(250, 250, 255), new Color(120, 170, 230),
            new Color(30, 60, 160), new Color(200, 30, 30)});
        c.getStyler().setShowValue(false);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setXAxisLabelRotation(45);
        c.getStyler().setLegendVisible(true);
        c.addSeries("density", x, y, cells);
        return c;
    }

    private static String label(double v) {
        return String.format("%.3g", v);
    }
}
