package org.ensemble.gnn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.ensemble.graph.Graph;
import org.ensemble.implicitbias.StudyResult;
import org.ensemble.plot.LinePlot;
import org.ensemble.plot.Overlays;
import org.ensemble.plot.Palette;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What an aggregation can tell apart (Xu et al. 2019, "How powerful are graph neural networks?").
 *
 * <p><b>Multisets.</b> Each pair of neighbourhoods is two stars whose centres (colour z) have
 * leaves of the given colours (one-hot features, a letter per colour); one layer aggregates the
 * leaves (no self term) and applies a random dense map (tanh: injective), and the centres' embeddings are
 * compared. With one-hot features the aggregate is exact arithmetic on colour counts, which gives the
 * prediction: sum (and GIN) sees the counts, so it separates any two different multisets; mean sees
 * the proportions; max sees the set of colours present (the support); min sees only whether all
 * leaves have one colour; GCN at a star centre sees counts/√(k+1) and the self term 1/(k+1), hence
 * the size k and the counts — any difference. E.g. {a,a} | {a,a,a}: mean and max fail; {a,b} |
 * {a,a,b,b}: mean and max fail; {a,a,b} | {a,b,b}: max fails, mean succeeds; sum succeeds on all.
 *
 * <p><b>1-WL pairs.</b> Unlabelled graphs (every input feature 1) run through {@code layers} layers of
 * each kind, and graph readouts (sum, mean, max) are compared layer by layer beside joint colour
 * refinement ({@link ColourRefinement}). Where refinement's histograms agree up to round l, every
 * node's layer-l embedding depends only on its colour, so the readouts are equal — bit for bit
 * here, since sums are exact; where they first differ at round r, GIN (injective on multisets)
 * separates the graphs from layer r on.
 */
public final class AggregationPowerStudy {
    /** Two multisets of colours, one letter per leaf ("aab" = {a, a, b}). */
    public record MultisetPair(String a, String b) {
    }

    /** Two graphs to tell apart. */
    public record GraphPair(String name, GraphSpec a, GraphSpec b) {
    }

    /**
     * @param kinds       layer kinds (sum, mean, max, min, gcn, gin)
     * @param threshold   relative readout distance above which two graphs count as told apart
     *                    (identical ones give exactly 0; told-apart ones O(1e-3 … 0.1))
     * @param activation  of every map; tanh by default: injective (so distinct aggregates stay distinct)
     *                    and curved everywhere, whereas a random ReLU MLP is affine on most small input
     *                    ranges, where a sum readout can cancel exactly (2g(x₂) = g(x₁) + g(x₃))
     */
    public record Params(List<MultisetPair> multisets, List<GraphPair> graphPairs, List<String> kinds, int hidden,
                         int layers, int weightSeeds, double threshold, Activation activation)
            implements GnnStudyParams {
        @Override
        public String key() {
            return "aggregation-power";
        }
    }

    private static final double FLOOR = 1e-17;

    private AggregationPowerStudy() {
    }

    public static GnnStudyResult run(Params p, long seed, GnnForward forward, Consumer<String> progress) {
        Map<String, Object> summary = new LinkedHashMap<>();
        List<StudyResult.Table> tables = new ArrayList<>();
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        multisets(p, seed, forward, progress, summary, tables, charts);
        graphPairs(p, seed, forward, progress, summary, tables, charts);
        summary.put("status", "completed");
        return new GnnStudyResult(summary, tables, charts);
    }

    /** The seed of weight draw s: distinct Philox keys per draw, no shared generator. */
    static long weightSeed(long seed, int s) {
        return seed ^ ((long) (s + 1) << 40);
    }

    private static void multisets(Params p, long seed, GnnForward forward, Consumer<String> progress,
                                  Map<String, Object> summary, List<StudyResult.Table> tables,
                                  Map<String, Chart<?, ?>> charts) {
        if (p.multisets().isEmpty()) {
            return;
        }
        TreeSet<Character> letters = new TreeSet<>();
        for (MultisetPair m : p.multisets()) {
            m.a().chars().forEach(c -> letters.add((char) c));
            m.b().chars().forEach(c -> letters.add((char) c));
        }
        List<Character> colours = new ArrayList<>(letters);
        int d0 = colours.size() + 1; // the last one-hot coordinate is the centres' colour z
        List<Graph> stars = new ArrayList<>();
        List<double[]> inputs = new ArrayList<>();
        for (MultisetPair m : p.multisets()) {
            for (String leaves : List.of(m.a(), m.b())) {
                stars.add(star(leaves.length()));
                double[] x = new double[(leaves.length() + 1) * d0];
                x[d0 - 1] = 1;
                for (int l = 0; l < leaves.length(); l++) {
                    x[(l + 1) * d0 + colours.indexOf(leaves.charAt(l))] = 1;
                }
                inputs.add(x);
            }
        }
        GraphUnion u = GraphUnion.of(stars);
        double[] input = concat(inputs);
        List<String> header = List.of("pair", "multiset_a", "multiset_b", "aggregation", "predicted_distinguishes",
                "min_distance", "max_distance", "distinguishes", "agrees");
        List<List<Object>> rows = new ArrayList<>();
        int agree = 0;
        int cells = 0;
        Map<String, double[]> maxDistance = new LinkedHashMap<>();
        for (String kind : p.kinds()) {
            double[] lo = new double[p.multisets().size()];
            double[] hi = new double[p.multisets().size()];
            java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
            for (int s = 0; s < p.weightSeeds(); s++) {
                LayerStack stack = LayerStack.random(kind, 1, d0, p.hidden(), p.activation(), false,
                        weightSeed(seed, s));
                double[] h = forward.forward(u.graph(), stack, input).get(1);
                for (int q = 0; q < p.multisets().size(); q++) {
                    double dist = Readout.relativeDistance(row(h, p.hidden(), u.first()[2 * q]),
                            row(h, p.hidden(), u.first()[2 * q + 1]));
                    lo[q] = Math.min(lo[q], dist);
                    hi[q] = Math.max(hi[q], dist);
                }
            }
            for (int q = 0; q < p.multisets().size(); q++) {
                MultisetPair m = p.multisets().get(q);
                boolean predicted = predicted(kind, m.a(), m.b());
                boolean measured = lo[q] > p.threshold();
                boolean same = hi[q] <= p.threshold();
                boolean agrees = predicted ? measured : same;
                agree += agrees ? 1 : 0;
                cells++;
                rows.add(List.of(q + 1, "{" + m.a() + "}", "{" + m.b() + "}", kind, predicted, lo[q], hi[q], measured,
                        agrees));
            }
            maxDistance.put(kind, hi);
            progress.accept(String.format("multisets, %s: told apart %s", kind, describe(lo, p.threshold())));
        }
        tables.add(new StudyResult.Table("multisets", header, rows));
        summary.put("multiset_cells", cells);
        summary.put("multiset_cells_agreeing_with_prediction", agree);
        StringBuilder names = new StringBuilder("pair:");
        for (int q = 0; q < p.multisets().size(); q++) {
            MultisetPair m = p.multisets().get(q);
            names.append("  ").append(q + 1).append(" {").append(m.a()).append("|").append(m.b()).append("}");
        }
        XYChart c = LinePlot.create("Centre embeddings of two neighbourhoods after one layer",
                names.toString(), "relative distance (0 drawn at 1e-17)",
                new double[0], Map.of(), false, true, false);
        int i = 0;
        org.knowm.xchart.style.markers.Marker[] marks = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND,
            SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.CROSS, SeriesMarkers.TRIANGLE_DOWN};
        for (Map.Entry<String, double[]> e : maxDistance.entrySet()) {
            // Kinds side by side around each pair's number, so markers at the floor do not hide each other.
            double[] x = new double[p.multisets().size()];
            for (int q = 0; q < x.length; q++) {
                x[q] = q + 1 + 0.08 * (i - (maxDistance.size() - 1) / 2.0);
            }
            Overlays.points(c, e.getKey() + " (max over weights)", x, floor(e.getValue()), Palette.series(i),
                    marks[i % marks.length]);
            i++;
        }
        Overlays.horizontal(c, "threshold " + p.threshold(), p.threshold(), 0.7, p.multisets().size() + 0.3);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        charts.put("multiset-distances", c);
    }

    private static void graphPairs(Params p, long seed, GnnForward forward, Consumer<String> progress,
                                   Map<String, Object> summary, List<StudyResult.Table> tables,
                                   Map<String, Chart<?, ?>> charts) {
        if (p.graphPairs().isEmpty()) {
            return;
        }
        List<Graph> graphs = new ArrayList<>();
        List<Integer> wl = new ArrayList<>();
        List<Integer> wlRounds = new ArrayList<>();
        for (GraphPair gp : p.graphPairs()) {
            Graph a = gp.a().build();
            Graph b = gp.b().build();
            graphs.add(a);
            graphs.add(b);
            ColourRefinement cr = ColourRefinement.uniform(List.of(a, b));
            wl.add(cr.firstDifference(0, 1));
            wlRounds.add(cr.rounds());
        }
        GraphUnion u = GraphUnion.of(graphs);
        double[] input = new double[u.graph().nodes()];
        java.util.Arrays.fill(input, 1.0);
        int pairs = p.graphPairs().size();
        Readout[] readouts = Readout.values();
        // [kind][pair][readout][layer] min and max over weight draws
        Map<String, double[][][]> lo = new LinkedHashMap<>();
        Map<String, double[][][]> hi = new LinkedHashMap<>();
        for (String kind : p.kinds()) {
            double[][][] l = new double[pairs][readouts.length][p.layers() + 1];
            double[][][] h = new double[pairs][readouts.length][p.layers() + 1];
            for (double[][] a : l) {
                for (double[] r : a) {
                    java.util.Arrays.fill(r, Double.POSITIVE_INFINITY);
                }
            }
            for (int s = 0; s < p.weightSeeds(); s++) {
                LayerStack stack = LayerStack.random(kind, p.layers(), 1, p.hidden(), p.activation(), false,
                        weightSeed(seed, s));
                List<double[]> emb = forward.forward(u.graph(), stack, input);
                for (int layer = 1; layer <= p.layers(); layer++) {
                    double[] e = emb.get(layer);
                    for (int q = 0; q < pairs; q++) {
                        for (int r = 0; r < readouts.length; r++) {
                            double[] ra = readouts[r].apply(e, p.hidden(), u.first()[2 * q], u.first()[2 * q + 1]);
                            double[] rb = readouts[r].apply(e, p.hidden(), u.first()[2 * q + 1], u.first()[2 * q + 2]);
                            double dist = Readout.relativeDistance(ra, rb);
                            l[q][r][layer] = Math.min(l[q][r][layer], dist);
                            h[q][r][layer] = Math.max(h[q][r][layer], dist);
                        }
                    }
                }
            }
            lo.put(kind, l);
            hi.put(kind, h);
            progress.accept("graph pairs, " + kind + ": done");
        }
        List<String> header = List.of("pair", "graph_a", "graph_b", "wl_first_difference", "wl_rounds", "aggregation",
                "readout", "layer", "wl_distinguishes_by_layer", "min_distance", "max_distance", "identical");
        List<List<Object>> rows = new ArrayList<>();
        boolean equivalentIdentical = true;
        boolean ginAgrees = true;
        double maxEquivalent = 0;
        double minGinApart = Double.POSITIVE_INFINITY;
        for (int q = 0; q < pairs; q++) {
            GraphPair gp = p.graphPairs().get(q);
            for (String kind : p.kinds()) {
                for (int r = 0; r < readouts.length; r++) {
                    for (int layer = 1; layer <= p.layers(); layer++) {
                        int first = wl.get(q);
                        // GCN's normalisation 1/√(d̃_i d̃_j) hands layer l the degrees of the neighbours:
                        // refinement round l + 1's information.
                        int rounds = kind.equals("gcn") ? layer + 1 : layer;
                        boolean wlApart = first >= 0 && first <= rounds;
                        double mn = lo.get(kind)[q][r][layer];
                        double mx = hi.get(kind)[q][r][layer];
                        boolean identical = mx == 0;
                        rows.add(List.of(gp.name(), gp.a().describe(), gp.b().describe(), first, wlRounds.get(q), kind,
                                readouts[r].key(), layer, wlApart, mn, mx, identical));
                        if (!wlApart) {
                            equivalentIdentical &= identical;
                            maxEquivalent = Math.max(maxEquivalent, mx);
                        } else if (kind.equals("gin") && readouts[r] == Readout.SUM) {
                            ginAgrees &= mn > p.threshold();
                            minGinApart = Math.min(minGinApart, mn);
                        }
                    }
                }
            }
            progress.accept(String.format("%s: %s vs %s, 1-WL %s", gp.name(), gp.a().describe(), gp.b().describe(),
                    wl.get(q) < 0 ? "cannot tell them apart" : "tells them apart at round " + wl.get(q)));
        }
        tables.add(new StudyResult.Table("wl-pairs", header, rows));
        Map<String, Object> wlSummary = new TreeMap<>();
        for (int q = 0; q < pairs; q++) {
            wlSummary.put(p.graphPairs().get(q).name(), wl.get(q));
        }
        summary.put("wl_first_difference", wlSummary);
        summary.put("wl_equivalent_readouts_identical", equivalentIdentical);
        summary.put("wl_equivalent_max_distance", maxEquivalent);
        summary.put("gin_sum_separates_wl_distinguished", ginAgrees);
        summary.put("gin_sum_min_distance_wl_distinguished",
                Double.isFinite(minGinApart) ? minGinApart : null);
        double[] x = new double[p.layers()];
        for (int l = 0; l < x.length; l++) {
            x[l] = l + 1;
        }
        XYChart c = LinePlot.create("Graph pairs: sum readouts after each layer (GIN; worst case over all kinds)",
                "layer", "relative distance of readouts (0 drawn at 1e-17)", new double[0], Map.of(), false, true,
                false);
        int sr = Readout.SUM.ordinal();
        for (int q = 0; q < pairs; q++) {
            double[] gin = new double[x.length];
            double[] worst = new double[x.length];
            for (int l = 0; l < x.length; l++) {
                gin[l] = lo.containsKey("gin") ? lo.get("gin")[q][sr][l + 1] : Double.NaN;
                double w = 0;
                for (double[][][] h : hi.values()) {
                    w = Math.max(w, h[q][sr][l + 1]);
                }
                worst[l] = w;
            }
            String name = p.graphPairs().get(q).name() + (wl.get(q) < 0 ? " (1-WL: same)" : " (1-WL: apart at round "
                    + wl.get(q) + ")");
            if (lo.containsKey("gin")) {
                Overlays.points(c, name + ", GIN min", x, floor(gin), Palette.series(q), SeriesMarkers.CIRCLE);
            }
            Overlays.points(c, name + ", any kind max", x, floor(worst), Palette.series(q), SeriesMarkers.CROSS);
        }
        Overlays.horizontal(c, "threshold " + p.threshold(), p.threshold(), 1, p.layers());
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        charts.put("wl-pair-distances", c);
    }

    /** Whether agg tells the leaf multisets a and b apart, by exact arithmetic on one-hot colours. */
    static boolean predicted(String kind, String a, String b) {
        Map<Character, Integer> ca = counts(a);
        Map<Character, Integer> cb = counts(b);
        return switch (kind) {
            case "sum", "gin", "gcn" -> !ca.equals(cb);
            case "mean" -> !proportions(ca, a.length()).equals(proportions(cb, b.length()));
            case "max" -> !ca.keySet().equals(cb.keySet());
            case "min" -> ca.size() == 1 != (cb.size() == 1) || ca.size() == 1 && !ca.keySet().equals(cb.keySet());
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    private static Map<Character, Integer> counts(String s) {
        Map<Character, Integer> c = new TreeMap<>();
        for (char ch : s.toCharArray()) {
            c.merge(ch, 1, Integer::sum);
        }
        return c;
    }

    /** Proportions as reduced fractions "p/q", compared exactly. */
    private static Map<Character, String> proportions(Map<Character, Integer> c, int n) {
        Map<Character, String> out = new TreeMap<>();
        c.forEach((k, v) -> {
            int g = java.math.BigInteger.valueOf(v).gcd(java.math.BigInteger.valueOf(n)).intValue();
            out.put(k, v / g + "/" + n / g);
        });
        return out;
    }

    /** A star: centre 0 with leaves 1 … k. */
    static Graph star(int leaves) {
        int[] a = new int[leaves];
        int[] b = new int[leaves];
        for (int l = 0; l < leaves; l++) {
            b[l] = l + 1;
        }
        return Graph.fromEdges(leaves + 1, a, b, null, true);
    }

    private static double[] row(double[] h, int width, int node) {
        return java.util.Arrays.copyOfRange(h, node * width, (node + 1) * width);
    }

    private static double[] concat(List<double[]> parts) {
        int n = 0;
        for (double[] x : parts) {
            n += x.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] x : parts) {
            System.arraycopy(x, 0, out, k, x.length);
            k += x.length;
        }
        return out;
    }

    private static double[] floor(double[] v) {
        double[] c = v.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.max(c[i], FLOOR);
        }
        return c;
    }

    private static String describe(double[] lo, double threshold) {
        StringBuilder sb = new StringBuilder();
        for (int q = 0; q < lo.length; q++) {
            sb.append(q == 0 ? "" : " ").append(q + 1).append(lo[q] > threshold ? ":yes" : ":no");
        }
        return sb.toString();
    }
}
