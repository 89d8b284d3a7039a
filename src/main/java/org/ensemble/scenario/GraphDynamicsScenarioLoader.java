package org.ensemble.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.gnn.Aggregation;
import org.ensemble.graphdynamics.GraphSpec;
import org.ensemble.graphdynamics.GraphStudyParams;
import org.ensemble.graphdynamics.NodeRule;
import org.ensemble.graphdynamics.NodeUpdate;
import org.ensemble.graphdynamics.Normalisation;
import org.ensemble.graphdynamics.PotentialNodeUpdate;
import org.ensemble.graphdynamics.ReaggregatedUpdate;
import org.ensemble.potential.PotentialParams;

/**
 * Reads a graph-dynamics scenario (a {@code graph-dynamics} section) with the other loaders'
 * one-line errors: file, line, key path, what was expected. Any other key is refused.
 */
public final class GraphDynamicsScenarioLoader {
    static final List<String> GRAPHS = List.of("complete", "erdos-renyi", "barabasi-albert", "watts-strogatz",
            "random-regular", "stochastic-block", "ring", "grid", "file");

    private GraphDynamicsScenarioLoader() {
    }

    public static boolean isGraphDynamics(Path file) {
        return ScenarioLoader.hasSection(file, "graph-dynamics");
    }

    public static GraphDynamicsScenario load(Path file, List<String> overrides) {
        return StudyEntry.file(file, overrides, GraphDynamicsScenarioLoader::buildFrom);
    }

    public static GraphDynamicsScenario loadString(String hocon, String originName, List<String> overrides) {
        return StudyEntry.string(hocon, originName, overrides, GraphDynamicsScenarioLoader::buildFrom);
    }

    static GraphDynamicsScenario reload(GraphDynamicsScenario s, List<String> overrides) {
        return StudyEntry.reload(s.resolved(), s.name(), s.source(), overrides, GraphDynamicsScenarioLoader::buildFrom);
    }

    private static GraphDynamicsScenario buildFrom(String label, String defaultName, Path source, Config config) {
        // Edge-list files are named relative to the scenario file.
        return build(label, defaultName, source, source != null ? source.toAbsolutePath().getParent() : Path.of("."),
                config);
    }

    private static GraphDynamicsScenario build(String label, String defaultName, Path source, Path dir, Config config) {
        Section root = new Section(label, "", config.root());
        Map<String, Object> r = new LinkedHashMap<>();
        StudyEntry.Header header = StudyEntry.header(root, defaultName, r, Long.MAX_VALUE);
        String name = header.name();
        long seed = header.seed();
        int shards = header.shards();
        Section s = root.section("graph-dynamics");
        Map<String, Object> m = new LinkedHashMap<>();
        Section g = s.section("graph");
        Map<String, Object> gm = new LinkedHashMap<>();
        List<GraphSpec> graphs = graphs(g, gm, dir);
        g.rejectUnknown();
        m.put("graph", gm);
        NodeRule rule = NodeRule.of(s.choice("rule", "kuramoto", List.of("kuramoto", "consensus", "langevin", "class")));
        m.put("rule", rule.key());
        NodeUpdate update = update(s, rule, m, dir);
        if (rule == NodeRule.CLASS && graphs.get(0).kind().equals("complete")) {
            throw s.error("rule", "a user rule's messages need edges: the complete graph runs through its sums;"
                    + " use a graph kind with edges (erdos-renyi with mean-degree = nodes − 1 is complete)");
        }
        double[] couplings = s.vector("coupling", null, true);
        if (couplings.length == 0) {
            throw s.error("coupling", "expected a non-empty list of couplings K");
        }
        m.put("coupling", toList(couplings));
        Normalisation norm = Normalisation.of(s.choice("normalisation",
                graphs.get(0).kind().equals("complete") ? "nodes" : "mean-degree", List.of("nodes", "degree",
                        "mean-degree")));
        m.put("normalisation", norm.key());
        double noise = s.number("noise", 1, false);
        if (!(noise >= 0)) {
            throw s.error("noise", "expected the noise intensity D ≥ 0, got " + noise);
        }
        m.put("noise", noise);
        double dt = put(m, "dt", s.positive("dt", 0.01, false));
        double time = put(m, "time", s.positive("time", 50, false));
        if (time / dt > 1e9 || time / dt < 20) {
            throw s.error("time", "expected between 20 and 1e9 steps of dt = " + dt + ", got " + time / dt);
        }
        double relax = s.number("relax", time / 4, false);
        if (!(relax >= 0 && relax < time)) {
            throw s.error("relax", "expected 0 ≤ relax < time = " + time + ", got " + relax);
        }
        m.put("relax", relax);
        double omega = put(m, "omega", s.number("omega", 0, false));
        double gamma = s.number("lorentzian-width", 0, false);
        if (!(gamma >= 0)) {
            throw s.error("lorentzian-width", "expected a half-width γ ≥ 0 (0: identical frequencies), got " + gamma);
        }
        m.put("lorentzian-width", gamma);
        String initial = s.choice("initial", "wrapped-normal", List.of("uniform", "wrapped-normal", "normal"));
        m.put("initial", initial);
        double spread = s.number("spread", 0.5, false);
        if (!(spread >= 0)) {
            throw s.error("spread", "expected σ ≥ 0, got " + spread);
        }
        m.put("spread", spread);
        double centre = put(m, "initial-centre", s.number("initial-centre", 0, false));
        String execution = s.choice("execution", "engine", List.of("engine", "in-process"));
        m.put("execution", execution);
        String gran = s.choice("granularity", "block", List.of("block", "node"));
        m.put("granularity", gran);
        if (gran.equals("node") && graphs.get(0).nodes() > 100_000) {
            throw s.error("granularity", "one actor per node is for up to 1e5 nodes, this graph has "
                    + graphs.get(0).nodes());
        }
        int block = (int) s.integer("block-size", 4096, false, 1, 1 << 24);
        m.put("block-size", block);
        int every = (int) s.integer("record-every", 5, false, 1, 1_000_000);
        m.put("record-every", every);
        int samples = (int) s.integer("samples", 1, false, 1, 1000);
        m.put("samples", samples);
        boolean extrapolate = s.bool("extrapolate-dt", noise > 0);
        m.put("extrapolate-dt", extrapolate);
        double pdeK = 0;
        int cells = 256;
        double[] pdeTimes = new double[0];
        if (s.has("pde")) {
            Section p = s.section("pde");
            pdeK = p.positive("coupling", 0, true);
            cells = (int) p.integer("cells", 256, false, 8, 1 << 16);
            pdeTimes = p.vector("times", new double[] {time}, false);
            if (rule != NodeRule.KURAMOTO || gamma > 0 || !(noise > 0)) {
                throw p.error("coupling", "the Fokker-Planck equation beside needs rule = kuramoto, identical"
                        + " frequencies (lorentzian-width = 0) and noise > 0");
            }
            boolean listed = false;
            for (double k : couplings) {
                listed |= k == pdeK;
            }
            if (!listed) {
                throw p.error("coupling", "expected one of the study's couplings " + toList(couplings) + ", got " + pdeK);
            }
            for (double t : pdeTimes) {
                if (!(t >= 0 && t <= time)) {
                    throw p.error("times", "expected times in [0, time = " + time + "], got " + t);
                }
            }
            p.rejectUnknown();
            m.put("pde", Map.of("coupling", pdeK, "cells", cells, "times", toList(pdeTimes)));
        }
        s.rejectUnknown();
        // the built-in rules' node kernel: java and aparapi-jtp give the same bytes; aparapi-opencl differs in round-off
        String backendKey = root.choice("backend", "java", List.of("java", "aparapi-jtp", "aparapi-opencl"));
        r.put("backend", backendKey);
        if (!backendKey.equals("java") && rule.usesUpdate()) {
            throw root.error("backend", "rule = " + rule.key() + " runs its update class on backend java; the node"
                    + " kernel (aparapi-jtp, aparapi-opencl) runs the built-in rules kuramoto and consensus");
        }
        if (!backendKey.equals("java") && gran.equals("node")) {
            throw root.error("backend", "backend " + backendKey + " launches the node kernel once per shard and step;"
                    + " with granularity = node that is one launch per node: use granularity = block (the same bytes)");
        }
        double checkpointEvery = CheckpointSection.parse(root, r);
        root.rejectUnknown();
        r.put("graph-dynamics", m);
        GraphStudyParams params = new GraphStudyParams(graphs, rule, couplings, norm, noise, dt, time, relax, omega,
                gamma, initial.equals("uniform"), spread, execution, gran.equals("node"), block, every, extrapolate,
                pdeK, cells, pdeTimes, samples, update, centre, org.ensemble.kernel.Backend.parse(backendKey));
        String resolved = ConfigValueFactory.fromMap(r).render(ConfigRenderOptions.defaults()
                .setOriginComments(false).setJson(false).setFormatted(true));
        return new GraphDynamicsScenario(name, source, seed, shards, params, checkpointEvery,
                "# Resolved graph-dynamics scenario: every default filled in. Run it again with: ensemble run THIS_FILE\n"
                        + resolved);
    }

    /** The Langevin rule's {@code potential { }} (1-D) or a user rule's {@code update { class, params, classpath }}. */
    private static NodeUpdate update(Section s, NodeRule rule, Map<String, Object> m, Path dir) {
        if (rule == NodeRule.LANGEVIN) {
            if (!s.has("potential")) {
                throw s.error("potential", "rule = langevin needs a 1-D potential { type = double-well | harmonic | class }");
            }
            Section ps = s.section("potential");
            PotentialSpec spec = ScenarioLoader.potential(ps, dir);
            if (spec.potential().dimension() != 1) {
                throw ps.error("type", "expected a 1-D potential (a node's state is one number), got dimension "
                        + spec.potential().dimension());
            }
            m.put("potential", spec.params());
            return new PotentialNodeUpdate(spec.potential());
        }
        if (rule == NodeRule.CLASS) {
            if (!s.has("update")) {
                throw s.error("update", "rule = class needs update { class = \"com.example.MyRule\" }");
            }
            Section u = s.section("update");
            Map<String, Object> um = new LinkedHashMap<>();
            String cls = u.string("class", null, true);
            Map<String, Object> params = u.has("params") ? u.section("params").config().root().unwrapped() : Map.of();
            List<java.net.URL> urls = ScenarioLoader.classpath(u, dir, um);
            um.put("class", cls);
            um.put("params", params);
            Section pp = u.section("params");
            NodeUpdate nu = ScenarioLoader.instantiate(u, cls, NodeUpdate.class, new PotentialParams(params, pp::error),
                    urls);
            if (u.has("aggregate")) {
                nu = new ReaggregatedUpdate(nu, Aggregation.of(u.choice("aggregate", null, List.of("sum", "mean", "max",
                        "min"))));
            }
            um.put("aggregate", nu.aggregation().key());
            u.rejectUnknown();
            m.put("update", um);
            return nu;
        }
        return null;
    }

    private static List<GraphSpec> graphs(Section g, Map<String, Object> gm, Path dir) {
        String kind = g.choice("kind", null, GRAPHS);
        gm.put("kind", kind);
        List<GraphSpec> out = new ArrayList<>();
        switch (kind) {
            case "grid" -> {
                int rows = (int) g.integer("rows", 0, true, 1, 1 << 15);
                int cols = (int) g.integer("cols", 0, true, 1, 1 << 15);
                gm.put("rows", rows);
                gm.put("cols", cols);
                out.add(new GraphSpec(kind, rows * cols, rows, cols, null, false));
            }
            case "stochastic-block" -> {
                double[] sz = g.vector("sizes", null, true);
                if (sz.length < 1 || sz.length > 1000) {
                    throw g.error("sizes", "expected 1 to 1000 community sizes, got " + sz.length);
                }
                int[] sizes = new int[sz.length];
                long total = 0;
                for (int c = 0; c < sz.length; c++) {
                    if (!(sz[c] >= 1 && sz[c] == Math.rint(sz[c]) && sz[c] <= 50_000_000)) {
                        throw g.error("sizes", "expected whole community sizes ≥ 1, got " + sz[c]);
                    }
                    sizes[c] = (int) sz[c];
                    total += sizes[c];
                }
                if (total < 3 || total > 50_000_000) {
                    throw g.error("sizes", "expected 3 to 5e7 nodes in all, got " + total);
                }
                double pIn = g.number("p-in", 0, true);
                double[] pOuts = g.vector("p-out", null, true);
                if (!(pIn >= 0 && pIn <= 1)) {
                    throw g.error("p-in", "expected a probability in [0, 1], got " + pIn);
                }
                if (pOuts.length == 0) {
                    throw g.error("p-out", "expected one or more probabilities across communities");
                }
                for (double pOut : pOuts) {
                    if (!(pOut >= 0 && pOut <= 1)) {
                        throw g.error("p-out", "expected probabilities in [0, 1], got " + pOut);
                    }
                    out.add(new GraphSpec(kind, (int) total, pIn, pOut, null, false, sizes));
                }
                gm.put("sizes", toList(sz));
                gm.put("p-in", pIn);
                gm.put("p-out", toList(pOuts));
            }
            case "file" -> {
                String f = g.string("path", null, true);
                Path path = dir.resolve(f);
                if (!java.nio.file.Files.isRegularFile(path)) {
                    throw g.error("path", "no such file: " + path);
                }
                int nodes = (int) g.integer("nodes", 0, false, 0, Integer.MAX_VALUE - 8);
                boolean directed = g.bool("directed", false);
                gm.put("path", path.toString());
                gm.put("nodes", nodes);
                gm.put("directed", directed);
                int n = org.ensemble.graph.EdgeListLoader.load(path, nodes, directed).nodes();
                out.add(new GraphSpec(kind, n, 0, 0, path, directed));
            }
            default -> {
                int n = (int) g.integer("nodes", 0, true, 3, 50_000_000);
                gm.put("nodes", n);
                switch (kind) {
                    case "erdos-renyi" -> {
                        double[] degrees = g.vector("mean-degree", null, true);
                        for (double d : degrees) {
                            if (!(d > 0 && d <= n - 1)) {
                                throw g.error("mean-degree", "expected mean degrees in (0, n − 1 = " + (n - 1) + "], got " + d);
                            }
                            out.add(new GraphSpec(kind, n, d, 0, null, false));
                        }
                        gm.put("mean-degree", toList(degrees));
                    }
                    case "barabasi-albert" -> {
                        int mm = (int) g.integer("m", 0, true, 1, n - 1);
                        gm.put("m", mm);
                        out.add(new GraphSpec(kind, n, mm, 0, null, false));
                    }
                    case "watts-strogatz" -> {
                        int k = (int) g.integer("k", 0, true, 2, n - 2);
                        if (k % 2 != 0) {
                            throw g.error("k", "expected an even number of lattice neighbours, got " + k);
                        }
                        double beta = g.number("beta", 0, true);
                        if (!(beta >= 0 && beta <= 1)) {
                            throw g.error("beta", "expected a rewiring probability in [0, 1], got " + beta);
                        }
                        gm.put("k", k);
                        gm.put("beta", beta);
                        out.add(new GraphSpec(kind, n, k, beta, null, false));
                    }
                    case "random-regular" -> {
                        int d = (int) g.integer("degree", 0, true, 1, n - 1);
                        if ((long) n * d % 2 != 0) {
                            throw g.error("degree", "expected n·degree even, got n = " + n + ", degree = " + d);
                        }
                        gm.put("degree", d);
                        out.add(new GraphSpec(kind, n, d, 0, null, false));
                    }
                    default -> out.add(new GraphSpec(kind, n, 0, 0, null, false));
                }
            }
        }
        return out;
    }

    private static double put(Map<String, Object> m, String k, double v) {
        m.put(k, v);
        return v;
    }

    private static List<Double> toList(double[] a) {
        List<Double> l = new ArrayList<>();
        for (double x : a) {
            l.add(x);
        }
        return l;
    }
}
