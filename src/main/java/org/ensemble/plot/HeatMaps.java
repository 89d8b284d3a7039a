package org.ensemble.plot;

import org.knowm.xchart.HeatMapChart;

/**
 * Heat maps of histograms: a 1-D histogram over time, and a 2-D histogram or density, as
 * {@link DensityMap}s (numeric axes, titled colour bar with round ticks).
 */
public final class HeatMaps {
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
        return overTime(title, "position x", "density per particle of the population", times, edges, counts,
                population);
    }

    /**
     * As {@link #overTime(String, double[], double[], long[][], long)}, with the y-axis and
     * colour-bar titles; population ≤ 0 normalises each time's histogram by the particles it
     * counts (a probability density of those still measured, which does not fade as they leave).
     */
    public static DensityMap overTime(String title, String yTitle, String colourTitle, double[] times, double[] edges,
                                      long[][] counts, long population) {
        if (times.length == 0 || counts.length != times.length) {
            throw new IllegalArgumentException("histogram over time: need one histogram per time");
        }
        int bins = edges.length - 1;
        int first = times.length > 1 && isPointMass(counts[0]) ? 1 : 0;
        int n = times.length - first;
        // Each report time in the middle of its column.
        double[] tEdges = new double[n + 1];
        for (int k = 1; k < n; k++) {
            tEdges[k] = 0.5 * (times[first + k - 1] + times[first + k]);
        }
        double t0 = times[first];
        double tn = times[times.length - 1];
        tEdges[0] = n > 1 ? t0 - (tEdges[1] - t0) : t0 - 0.5;
        tEdges[n] = n > 1 ? tn + (tn - tEdges[n - 1]) : tn + 0.5;
        double[][] v = new double[n][bins];
        for (int k = 0; k < n; k++) {
            long[] h = counts[first + k];
            long total = 0;
            for (long c : h) {
                total += c;
            }
            double norm = population > 0 ? population : total;
            for (int b = 0; b < bins; b++) {
                v[k][b] = norm == 0 ? 0 : h[b] / (norm * (edges[b + 1] - edges[b]));
            }
        }
        return new DensityMap(title, "time t", yTitle, tEdges, edges, v, colourTitle);
    }

    private static boolean isPointMass(long[] h) {
        int nonzero = 0;
        for (long v : h) {
            nonzero += v > 0 ? 1 : 0;
        }
        return nonzero <= 1;
    }

    /** joint[i * bins + j]: counts in x bin i and y bin j, drawn as counts per cell. */
    public static HeatMapChart joint(String title, double[] xEdges, double[] yEdges, long[] joint) {
        int nx = xEdges.length - 1;
        int ny = yEdges.length - 1;
        if (joint.length != nx * ny) {
            throw new IllegalArgumentException("joint histogram has " + joint.length + " cells, expected " + nx * ny);
        }
        double[][] v = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                v[i][j] = joint[i * ny + j];
            }
        }
        return new DensityMap(title, "x", "y", xEdges, yEdges, v, "particles per cell");
    }

    /** density[i * ny + j]: a probability density on the cells (a PDE solution, a normalised histogram). */
    public static DensityMap density(String title, double[] xEdges, double[] yEdges, double[] density,
                                     String colourTitle) {
        int nx = xEdges.length - 1;
        int ny = yEdges.length - 1;
        if (density.length != nx * ny) {
            throw new IllegalArgumentException("density has " + density.length + " cells, expected " + nx * ny);
        }
        double[][] v = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                v[i][j] = density[i * ny + j];
            }
        }
        return new DensityMap(title, "x", "y", xEdges, yEdges, v, colourTitle);
    }
}
