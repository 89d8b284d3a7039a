package org.ensemble.gnn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ensemble.graph.Graph;
import org.ensemble.implicitbias.StudyResult;
import org.ensemble.plot.DensityMap;
import org.ensemble.plot.LinePlot;
import org.ensemble.plot.Overlays;
import org.ensemble.plot.Palette;
import org.ensemble.random.Streams;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Influence of node y on node x after k mean-aggregation layers with self-loops against the k-step
 * random walk P^k, P = D̃⁻¹Ã (Xu et al. 2018, Theorem 1): for every graph, activation and weight
 * draw, the exact Jacobian influence distributions I_x after k = 1 … depth layers ({@link Influence})
 * and their distance to the rows of P^k — mean total variation over x and the largest entry-wise
 * difference. With the identity activation they agree to rounding; with ReLU the distance is what
 * is measured, for each draw and for the mean of the draws' distributions (the theorem is about the
 * expectation).
 */
public final class InfluenceStudy {
    /** Philox stream of the random input features (keyed by (seed, node)). */
    static final int STREAM_FEATURES = 42;

    /**
     * @param showDepth depth whose distributions the heat maps show (grid graphs)
     * @param tolerance the largest |I_x(y) − (P^k)_{xy}| the identity activation may show (rounding)
     */
    public record Params(List<GraphSpec> graphs, int depth, int inWidth, int hidden, List<Activation> activations,
                         int weightSeeds, int showDepth, double tolerance) implements GnnStudyParams {
        @Override
        public String key() {
            return "influence";
        }
    }

    private static final double FLOOR = 1e-17;

    private InfluenceStudy() {
    }

    /** Input features N(0, 1), node by node from Philox keyed by (seed, node). */
    static double[] features(int nodes, int width, long seed) {
        double[] x = new double[nodes * width];
        for (int i = 0; i < nodes; i++) {
            for (int f = 0; f < width; f++) {
                x[i * width + f] = Streams.auxNormal(seed, i, STREAM_FEATURES, f);
            }
        }
        return x;
    }

    public static GnnStudyResult run(Params p, long seed, GnnForward forward, Consumer<String> progress) {
        Map<String, Object> summary = new LinkedHashMap<>();
        List<StudyResult.Table> tables = new ArrayList<>();
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        List<String> header = List.of("graph", "activation", "weight_seed", "depth", "mean_tv_to_random_walk",
                "max_abs_difference", "dead_nodes");
        List<List<Object>> rows = new ArrayList<>();
        List<List<Object>> meanRows = new ArrayList<>();
        double identityMax = 0;
        Map<String, Object> reluTv = new LinkedHashMap<>();
        XYChart tvChart = LinePlot.create("Influence distributions against the random walk P^k",
                "layers k", "mean TV distance to P^k (0 at 1e-17)", new double[0], Map.of(), false, true,
                false);
        double[] ks = new double[p.depth()];
        for (int k = 0; k < ks.length; k++) {
            ks[k] = k + 1;
        }
        int series = 0;
        for (GraphSpec spec : p.graphs()) {
            Graph g = spec.build();
            int n = g.nodes();
            double[][] walk = Influence.randomWalk(g, p.depth());
            double[] input = features(n, p.inWidth(), seed);
            for (Activation act : p.activations()) {
                double[][] mean = new double[p.depth()][n * n];
                int[][] defined = new int[p.depth()][n];
                double[][] tv = new double[p.depth()][p.weightSeeds()];
                for (int s = 0; s < p.weightSeeds(); s++) {
                    LayerStack stack = LayerStack.random("mean", p.depth(), p.inWidth(), p.hidden(), act, true,
                            AggregationPowerStudy.weightSeed(seed, s));
                    double[][] inf = Influence.distributions(g, stack, forward.forward(g, stack, input));
                    for (int k = 0; k < p.depth(); k++) {
                        double t = Influence.meanTotalVariation(inf[k], walk[k], n);
                        double m = Influence.maxAbsDifference(inf[k], walk[k]);
                        tv[k][s] = t;
                        rows.add(List.of(spec.describe(), act.key(), s, k + 1, t, m, Influence.undefinedRows(inf[k], n)));
                        if (act == Activation.IDENTITY) {
                            identityMax = Math.max(identityMax, m);
                        }
                        for (int x = 0; x < n; x++) {
                            if (!Double.isNaN(inf[k][x * n])) {
                                defined[k][x]++;
                                for (int y = 0; y < n; y++) {
                                    mean[k][x * n + y] += inf[k][x * n + y];
                                }
                            }
                        }
                    }
                }
                // The mean over the draws in which node x has a distribution (NaN if none).
                for (int k = 0; k < p.depth(); k++) {
                    for (int x = 0; x < n; x++) {
                        for (int y = 0; y < n; y++) {
                            mean[k][x * n + y] = defined[k][x] > 0 ? mean[k][x * n + y] / defined[k][x] : Double.NaN;
                        }
                    }
                }
                double[] tvMean = new double[p.depth()];
                double[] tvOfMean = new double[p.depth()];
                for (int k = 0; k < p.depth(); k++) {
                    double[] ms = meanAndSe(tv[k]);
                    tvMean[k] = ms[0];
                    tvOfMean[k] = Influence.meanTotalVariation(mean[k], walk[k], n);
                    meanRows.add(List.of(spec.describe(), act.key(), k + 1, ms[0], ms[1], tvOfMean[k],
                            Influence.maxAbsDifference(mean[k], walk[k])));
                }
                if (act != Activation.IDENTITY) {
                    Map<String, Object> g1 = new LinkedHashMap<>();
                    g1.put("mean_tv_per_draw", toList(tvMean));
                    g1.put("tv_of_mean_distribution", toList(tvOfMean));
                    reluTv.put(spec.describe() + " " + act.key(), g1);
                }
                String label = spec.describe() + " " + act.key();
                if (p.weightSeeds() > 1 && act != Activation.IDENTITY) {
                    // The spread over draws as a band from the smallest to the largest (a ±SE bar can reach
                    // below 0, which a log axis cannot draw; the SE is in influence-means.csv).
                    double[] lo = new double[p.depth()];
                    double[] hi = new double[p.depth()];
                    for (int k = 0; k < p.depth(); k++) {
                        lo[k] = Math.max(FLOOR, java.util.Arrays.stream(tv[k]).min().orElse(0));
                        hi[k] = Math.max(FLOOR, java.util.Arrays.stream(tv[k]).max().orElse(0));
                    }
                    Overlays.band(tvChart, label + ": range of draws", ks, lo, hi, Palette.series(series));
                }
                Overlays.points(tvChart, label + ": mean of draws", ks, floor(tvMean), Palette.series(series),
                        org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
                if (p.weightSeeds() > 1 && act != Activation.IDENTITY) {
                    Overlays.line(tvChart, label + ": mean influence", ks, floor(tvOfMean),
                            Palette.series(series));
                }
                series++;
                if (act != Activation.IDENTITY) {
                    maps(spec, g, mean, walk, act, p, charts);
                }
                progress.accept(String.format("%s, %s: mean TV to P^k at k = 1 … %d: %s", spec.describe(), act.key(),
                        p.depth(), join(tvMean)));
            }
        }
        tvChart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        charts.put("influence-distance", tvChart);
        tables.add(new StudyResult.Table("influence", header, rows));
        tables.add(new StudyResult.Table("influence-means", List.of("graph", "activation", "depth",
                "mean_tv_per_draw", "se_tv_per_draw", "tv_of_mean_distribution", "max_abs_difference_of_mean"),
                meanRows));
        summary.put("identity_max_abs_difference", identityMax);
        summary.put("identity_tolerance", p.tolerance());
        summary.put("identity_exact", identityMax <= p.tolerance());
        summary.put("nonlinear_total_variation", reluTv);
        summary.put("status", "completed");
        return new GnnStudyResult(summary, tables, charts);
    }

    /**
     * Heat maps of I_x and P^k on one shared log colour scale: for a grid, over the grid's cells at
     * depth showDepth for the central node x; otherwise over (node y, depth k) for x = node 0, a ring
     * drawn with x in the middle.
     */
    private static void maps(GraphSpec spec, Graph g, double[][] mean, double[][] walk, Activation act, Params p,
                             Map<String, Chart<?, ?>> charts) {
        int n = g.nodes();
        String name = spec.describe().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
        DensityMap a;
        DensityMap b;
        String colour = "influence of y on x (fraction)";
        if (spec instanceof GraphSpec.Grid grid) {
            int x = (grid.rows() / 2) * grid.cols() + grid.cols() / 2;
            int k = Math.min(p.showDepth(), p.depth()) - 1;
            double[][] vi = new double[grid.cols()][grid.rows()];
            double[][] vw = new double[grid.cols()][grid.rows()];
            for (int r = 0; r < grid.rows(); r++) {
                for (int c = 0; c < grid.cols(); c++) {
                    vi[c][r] = mean[k][x * n + r * grid.cols() + c];
                    vw[c][r] = walk[k][x * n + r * grid.cols() + c];
                }
            }
            double[] xe = edges(grid.cols(), 0);
            double[] ye = edges(grid.rows(), 0);
            String where = " on node x = (" + grid.rows() / 2 + ", " + grid.cols() / 2 + ") after k = " + (k + 1)
                    + " layers";
            a = new DensityMap(spec.describe() + ": influence (" + act.key() + ", mean of draws)" + where,
                    "column", "row", xe, ye, vi, colour);
            b = new DensityMap(spec.describe() + ": random walk (P^k)_xy" + where, "column", "row", xe, ye, vw,
                    "random walk x to y (probability)");
        } else {
            boolean ring = spec instanceof GraphSpec.Ring;
            int shift = ring ? n / 2 : 0;
            double[][] vi = new double[n][p.depth()];
            double[][] vw = new double[n][p.depth()];
            for (int y = 0; y < n; y++) {
                int col = ring ? Math.floorMod(y + shift, n) : y;
                for (int k = 0; k < p.depth(); k++) {
                    vi[col][k] = mean[k][y];
                    vw[col][k] = walk[k][y];
                }
            }
            double[] xe = edges(n, -shift);
            double[] ye = edges(p.depth(), 1);
            String xTitle = ring ? "node y, offset from x along the ring" : "node y";
            a = new DensityMap(spec.describe() + ": influence on node 0 (" + act.key() + ", mean of draws)", xTitle,
                    "layers k", xe, ye, vi, colour);
            b = new DensityMap(spec.describe() + ": random walk (P^k)_0y", xTitle, "layers k", xe, ye, vw,
                    "random walk 0 to y (probability)");
        }
        a.logScale(1e-4);
        b.logScale(1e-4);
        DensityMap.shareScale(a, b);
        charts.put("influence-" + name + "-" + act.key(), a);
        charts.put("random-walk-" + name, b);
    }

    /** Cell edges c − ½ for c = start … start + cells (cells centred on integers). */
    private static double[] edges(int cells, int start) {
        double[] e = new double[cells + 1];
        for (int i = 0; i <= cells; i++) {
            e[i] = start + i - 0.5;
        }
        return e;
    }

    private static double[] meanAndSe(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        double se = v.length > 1 ? Math.sqrt(ss / (v.length - 1) / v.length) : 0;
        return new double[] {m, se};
    }

    private static double[] floor(double[] v) {
        double[] c = v.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.max(c[i], FLOOR);
        }
        return c;
    }

    private static List<Double> toList(double[] v) {
        List<Double> l = new ArrayList<>();
        for (double x : v) {
            l.add(x);
        }
        return l;
    }

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double x : v) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format("%.3g", x));
        }
        return sb.toString();
    }
}
