package org.ensemble.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.gnn.Activation;
import org.ensemble.gnn.AggregationPowerStudy;
import org.ensemble.gnn.GnnStudyParams;
import org.ensemble.gnn.GraphSpec;
import org.ensemble.gnn.InfluenceStudy;
import org.ensemble.gnn.LayerStack;

/**
 * Reads a GNN scenario (a file with a {@code gnn} section) with the loaders' one-line errors: file,
 * line, key path, what was expected. Graphs are objects {@code { type = ring, nodes = 6 }}:
 * {@code ring} (nodes), {@code path} (nodes), {@code complete} (nodes), {@code grid} (rows, cols),
 * {@code edges} (nodes, edges = flat list of pairs, optional label), {@code union} (of = [graphs]).
 */
public final class GnnScenarioLoader {
    static final List<String> STUDIES = List.of("aggregation-power", "influence");
    static final List<String> GRAPH_TYPES = List.of("ring", "path", "complete", "grid", "barabasi-albert", "edges",
            "union");
    private static final int MAX_NODES = 100_000;

    private GnnScenarioLoader() {
    }

    public static boolean isGnn(Path file) {
        return ScenarioLoader.hasSection(file, "gnn");
    }

    public static GnnScenario load(Path file, List<String> overrides) {
        return StudyEntry.file(file, overrides, GnnScenarioLoader::build);
    }

    public static GnnScenario loadString(String hocon, String originName, List<String> overrides) {
        return StudyEntry.string(hocon, originName, overrides, GnnScenarioLoader::build);
    }

    static GnnScenario reload(GnnScenario s, List<String> overrides) {
        return StudyEntry.reload(s.resolved(), s.name(), s.source(), overrides, GnnScenarioLoader::build);
    }

    private static GnnScenario build(String label, String defaultName, Path source, Config config) {
        Section root = new Section(label, "", config.root());
        Map<String, Object> r = new LinkedHashMap<>();
        StudyEntry.Header header = StudyEntry.header(root, defaultName, r, (1L << 40) - 1);
        String name = header.name();
        long seed = header.seed();
        int shards = header.shards();
        Section s = root.section("gnn");
        Map<String, Object> m = new LinkedHashMap<>();
        String study = s.choice("study", null, STUDIES);
        m.put("study", study);
        String execution = s.choice("execution", "engine", List.of("engine", "in-process", "plain"));
        String granularity = s.choice("granularity", "block", List.of("block", "node"));
        int block = (int) s.integer("block-size", 64, false, 1, 1 << 20);
        m.put("execution", execution);
        m.put("granularity", granularity);
        m.put("block-size", block);
        int hidden = count(s, "hidden", 16, 1024, m);
        int seeds = count(s, "weight-seeds", 5, 1000, m);
        GnnStudyParams p;
        if (study.equals("aggregation-power")) {
            List<String> kinds = strings(s, "kinds", LayerStack.KINDS, LayerStack.KINDS, m);
            int layers = count(s, "layers", 3, 16, m);
            double threshold = s.positive("threshold", 1e-9, false);
            m.put("threshold", threshold);
            List<AggregationPowerStudy.MultisetPair> ms = multisets(s, m);
            List<AggregationPowerStudy.GraphPair> pairs = new ArrayList<>();
            List<Object> rendered = new ArrayList<>();
            for (Section gp : s.sections("graph-pairs")) {
                String pn = gp.string("name", null, true);
                GraphSpec a = graph(gp.section("a"), gp, "a");
                GraphSpec b = graph(gp.section("b"), gp, "b");
                gp.rejectUnknown();
                pairs.add(new AggregationPowerStudy.GraphPair(pn, a, b));
                rendered.add(gp.config().root().unwrapped());
            }
            m.put("graph-pairs", rendered);
            if (ms.isEmpty() && pairs.isEmpty()) {
                throw s.error("multisets", "expected at least one multiset pair or one graph pair (graph-pairs)");
            }
            String act = s.choice("activation", "tanh", List.of("identity", "relu", "tanh"));
            m.put("activation", act);
            p = new AggregationPowerStudy.Params(ms, pairs, kinds, hidden, layers, seeds, threshold,
                    Activation.of(act));
        } else {
            List<GraphSpec> graphs = new ArrayList<>();
            List<Object> rendered = new ArrayList<>();
            int hiddenWidth = hidden;
            int inWidth = (int) s.integer("input-width", 4, false, 1, 256);
            for (Section g : s.sections("graphs")) {
                GraphSpec spec = graph(g, null, null);
                long n = spec.build().nodes();
                // The exact Jacobian holds n·hidden × n·input-width numbers: keep it within ~0.4 GB.
                if (n * n * hiddenWidth * inWidth > 50_000_000L) {
                    throw g.error("type", "graph " + spec.describe() + " has " + n + " nodes: the influence Jacobian"
                            + " needs nodes²·hidden·input-width ≤ 5e7 numbers (use fewer nodes or a smaller width)");
                }
                graphs.add(spec);
                rendered.add(g.config().root().unwrapped());
            }
            if (graphs.isEmpty()) {
                throw s.error("graphs", "expected a non-empty list of graphs, e.g. [{ type = ring, nodes = 24 }]");
            }
            m.put("graphs", rendered);
            int depth = count(s, "depth", 6, 32, m);
            int in = count(s, "input-width", 4, 256, m);
            List<String> acts = strings(s, "activations", List.of("identity", "relu"),
                    List.of("identity", "relu", "tanh"), m);
            int show = count(s, "show-depth", Math.min(4, depth), depth, m);
            double tol = s.positive("tolerance", 1e-12, false);
            m.put("tolerance", tol);
            p = new InfluenceStudy.Params(graphs, depth, in, hidden, acts.stream().map(Activation::of).toList(),
                    seeds, show, tol);
        }
        s.rejectUnknown();
        root.rejectUnknown();
        r.put("gnn", m);
        String resolved = ConfigValueFactory.fromMap(r).render(ConfigRenderOptions.defaults()
                .setOriginComments(false).setJson(false).setFormatted(true));
        return new GnnScenario(name, source, seed, shards, execution, granularity, block, p,
                "# Resolved GNN scenario: every default filled in. Run it again with: ensemble run THIS_FILE\n"
                        + resolved);
    }

    /** A graph object; {@code parent}/{@code key} name it in errors when it is a sub-object. */
    private static GraphSpec graph(Section g, Section parent, String key) {
        if (!g.has("type") && parent != null && !parent.has(key)) {
            throw parent.error(key, "missing; expected a graph { type = ring, nodes = 6 }");
        }
        String type = g.choice("type", null, GRAPH_TYPES);
        GraphSpec spec = switch (type) {
            case "ring" -> new GraphSpec.Ring(nodes(g, "nodes", 3));
            case "path" -> new GraphSpec.Path(nodes(g, "nodes", 2));
            case "complete" -> new GraphSpec.Complete(nodes(g, "nodes", 1));
            case "grid" -> new GraphSpec.Grid(nodes(g, "rows", 1), nodes(g, "cols", 1));
            case "barabasi-albert" -> new GraphSpec.BarabasiAlbert(nodes(g, "nodes", 2),
                    (int) g.integer("m", 0, true, 1, 100), g.integer("seed", 1, false, 0, Long.MAX_VALUE));
            case "edges" -> edges(g);
            default -> {
                List<GraphSpec> parts = new ArrayList<>();
                for (Section part : g.sections("of")) {
                    parts.add(graph(part, null, null));
                }
                if (parts.isEmpty()) {
                    throw g.error("of", "expected a non-empty list of graphs to join");
                }
                yield new GraphSpec.Union(parts);
            }
        };
        g.rejectUnknown();
        return spec;
    }

    private static GraphSpec edges(Section g) {
        int n = nodes(g, "nodes", 1);
        double[] flat = g.vector("edges", null, true);
        if (flat.length % 2 != 0) {
            throw g.error("edges", "expected pairs of node ids [a1, b1, a2, b2, ...], got an odd count " + flat.length);
        }
        int[] a = new int[flat.length / 2];
        int[] b = new int[flat.length / 2];
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int e = 0; e < a.length; e++) {
            for (int side = 0; side < 2; side++) {
                double v = flat[2 * e + side];
                if (v != Math.rint(v) || v < 0 || v >= n) {
                    throw g.error("edges", "edge " + e + ": expected integer node ids in [0, " + n + "), got " + v);
                }
            }
            a[e] = (int) flat[2 * e];
            b[e] = (int) flat[2 * e + 1];
            if (a[e] == b[e]) {
                throw g.error("edges", "edge " + e + " is a self-loop at node " + a[e]
                        + " (layers add self terms themselves)");
            }
            if (!seen.add((long) Math.min(a[e], b[e]) * n + Math.max(a[e], b[e]))) {
                throw g.error("edges", "edge " + e + " (" + a[e] + ", " + b[e] + ") is repeated");
            }
        }
        String label = g.string("label", "edges(" + n + " nodes, " + a.length + " edges)", false);
        return new GraphSpec.Edges(label, n, a, b);
    }

    private static int nodes(Section g, String k, int min) {
        return (int) g.integer(k, 0, true, min, MAX_NODES);
    }

    private static int count(Section s, String k, int fallback, int max, Map<String, Object> m) {
        int v = (int) s.integer(k, fallback, false, 1, max);
        m.put(k, v);
        return v;
    }

    /** A list of strings, each one of {@code allowed}, without repeats. */
    private static List<String> strings(Section s, String k, List<String> fallback, List<String> allowed,
                                        Map<String, Object> m) {
        List<String> out = new ArrayList<>();
        if (!s.has(k)) {
            out.addAll(fallback);
        } else {
            ConfigValue v = s.config().root().get(k);
            if (v.valueType() != ConfigValueType.LIST || ((ConfigList) v).isEmpty()) {
                throw s.error(k, "expected a non-empty list of " + String.join(", ", allowed));
            }
            for (ConfigValue e : (ConfigList) v) {
                String x = String.valueOf(e.unwrapped());
                if (e.valueType() != ConfigValueType.STRING || !allowed.contains(x)) {
                    throw s.error(k, "expected each of " + String.join(", ", allowed) + ", got '" + x + "'");
                }
                if (out.contains(x)) {
                    throw s.error(k, "'" + x + "' is listed twice");
                }
                out.add(x);
            }
        }
        m.put(k, out);
        return out;
    }

    /** {@code multisets = [[aa, aaa], [ab, aabb]]}: pairs of leaf-colour strings, one letter a–y per leaf. */
    private static List<AggregationPowerStudy.MultisetPair> multisets(Section s, Map<String, Object> m) {
        List<AggregationPowerStudy.MultisetPair> out = new ArrayList<>();
        List<Object> rendered = new ArrayList<>();
        if (s.has("multisets")) {
            ConfigValue v = s.config().root().get("multisets");
            if (v.valueType() != ConfigValueType.LIST) {
                throw s.error("multisets", "expected a list of pairs [[aa, aaa], [ab, aabb]]");
            }
            int i = 0;
            for (ConfigValue e : (ConfigList) v) {
                if (e.valueType() != ConfigValueType.LIST || ((ConfigList) e).size() != 2) {
                    throw s.error("multisets", "element " + i + ": expected a pair of colour strings like [aab, abb]");
                }
                String a = String.valueOf(((ConfigList) e).get(0).unwrapped());
                String b = String.valueOf(((ConfigList) e).get(1).unwrapped());
                for (String x : List.of(a, b)) {
                    if (!x.matches("[a-y]{1,64}")) {
                        throw s.error("multisets", "element " + i + ": expected 1–64 letters a–y (one per leaf;"
                                + " z is the centres' colour), got '" + x + "'");
                    }
                }
                out.add(new AggregationPowerStudy.MultisetPair(a, b));
                rendered.add(List.of(a, b));
                i++;
            }
        }
        m.put("multisets", rendered);
        return out;
    }
}
