package org.ensemble.gnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ensemble.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ensemble run} on the GNN scenarios: outputs, the same bytes for every runner and shard count, bad input. */
class GnnCliTest {
    @TempDir
    Path tmp;

    private static int run(StringWriter err, String... args) {
        return Main.execute(new PrintWriter(err, true), args);
    }

    private int runScenario(String file, String out, boolean plots, String... sets) {
        List<String> a = new ArrayList<>(List.of("run", "scenarios/" + file, "--quiet", "--no-metrics", "--out",
                tmp.resolve(out).toString()));
        if (!plots) {
            a.add("--no-plots");
        }
        for (String s : sets) {
            a.add("--set");
            a.add(s);
        }
        StringWriter err = new StringWriter();
        int code = run(err, a.toArray(String[]::new));
        assertEquals(0, code, err.toString());
        return code;
    }

    @Test
    void aggregationPowerIsTheSameBytesOnOneAndSevenShardsNodeActorsAndPlain() throws Exception {
        String seeds = "gnn.weight-seeds=2";
        String kinds = "gnn.kinds=[sum,mean,gin]";
        runScenario("gnn-aggregation-power.conf", "one", true, seeds, kinds, "shards=1");
        runScenario("gnn-aggregation-power.conf", "seven", false, seeds, kinds, "shards=7", "gnn.block-size=2");
        runScenario("gnn-aggregation-power.conf", "plain", false, seeds, kinds, "gnn.execution=plain");
        for (String f : List.of("summary.json", "multisets.csv", "wl-pairs.csv")) {
            byte[] one = Files.readAllBytes(tmp.resolve("one").resolve(f));
            assertArrayEquals(one, Files.readAllBytes(tmp.resolve("seven").resolve(f)), f);
            assertArrayEquals(one, Files.readAllBytes(tmp.resolve("plain").resolve(f)), f);
        }
        // One actor per node (56 nodes of the graph pairs' union) against the plain pass.
        String[] node = {"gnn.weight-seeds=1", "gnn.kinds=[gin]", "gnn.layers=2", "gnn.multisets=[]"};
        runScenario("gnn-aggregation-power.conf", "nodes", false, concat(node, "gnn.granularity=node"));
        runScenario("gnn-aggregation-power.conf", "nodes-plain", false, concat(node, "gnn.execution=plain"));
        for (String f : List.of("summary.json", "wl-pairs.csv")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("nodes-plain").resolve(f)),
                    Files.readAllBytes(tmp.resolve("nodes").resolve(f)), f);
        }
        for (String p : List.of("multiset-distances", "wl-pair-distances")) {
            assertTrue(Files.size(tmp.resolve("one/plots/" + p + ".png")) > 10_000, p);
        }
        assertTrue(Files.readString(tmp.resolve("one/summary.json")).contains("\"wl_equivalent_readouts_identical\" : true"));
        houseRules(tmp.resolve("one/plots"));
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    @Test
    void influenceWritesItsTablesAndHeatMapsTheSameForEngineAndInProcess() throws Exception {
        String[] small = {"gnn.weight-seeds=2", "gnn.depth=3", "gnn.show-depth=2", "gnn.graphs=[{type=ring,nodes=12},{type=grid,rows=5,cols=5}]"};
        List<String> a = new ArrayList<>(List.of(small));
        a.add("gnn.execution=engine");
        runScenario("gnn-influence.conf", "engine", true, a.toArray(String[]::new));
        List<String> b = new ArrayList<>(List.of(small));
        b.addAll(List.of("gnn.execution=in-process", "shards=7", "gnn.block-size=3"));
        runScenario("gnn-influence.conf", "inproc", false, b.toArray(String[]::new));
        for (String f : List.of("summary.json", "influence.csv", "influence-means.csv")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("engine").resolve(f)),
                    Files.readAllBytes(tmp.resolve("inproc").resolve(f)), f);
        }
        for (String p : List.of("influence-ring-12-relu", "random-walk-ring-12", "influence-grid-5x5-relu",
                "random-walk-grid-5x5", "influence-distance")) {
            assertTrue(Files.exists(tmp.resolve("engine/plots/" + p + ".png")), p);
            String model = Files.readString(tmp.resolve("engine/plots/" + p + ".plot.json"));
            assertFalse(model.contains("\"colourBarTitle\" : null"), p);
        }
        assertTrue(Files.readString(tmp.resolve("engine/summary.json")).contains("\"identity_exact\" : true"));
        houseRules(tmp.resolve("engine/plots"));
    }

    /** Every plot keeps the house rules ({@link org.ensemble.plot.PlotModel#problems()}, as EveryPlotTest checks). */
    static void houseRules(Path plots) throws Exception {
        try (var files = Files.list(plots)) {
            for (Path m : files.filter(f -> f.toString().endsWith(".plot.json")).toList()) {
                List<String> problems = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readValue(m.toFile(), org.ensemble.plot.PlotModel.class).problems();
                assertTrue(problems.isEmpty(), m + ": " + problems);
            }
        }
    }

    @Test
    void badInputIsOneLineNamingFileLineAndKeyExitTwoNothingWritten() throws Exception {
        String head = "seed = 1\ngnn {\n  study = aggregation-power\n";
        String[][] cases = {
            {head + "  kinds = [sum, avg]\n}\n", ":4: gnn.kinds: expected each of sum, mean, max, min, gcn, gin, got 'avg'"},
            {head + "  multisets = [[aa, a1]]\n}\n", ":4: gnn.multisets: element 0: expected 1–64 letters a–y"},
            {head + "  graph-pairs = [{ name = x, a = { type = ring, nodes = 6 },\n b = { type = edges, nodes = 3,"
                    + " edges = [0, 1, 1] } }]\n}\n", ":5: gnn.graph-pairs[0].b.edges: expected pairs of node ids"},
            {head + "  graph-pairs = [{ name = x, a = { type = ring, nodes = 6 },\n b = { type = edges, nodes = 3,"
                    + " edges = [0, 1, 1, 1] } }]\n}\n", "gnn.graph-pairs[0].b.edges: edge 1 is a self-loop at node 1"},
            {head + "  graph-pairs = [{ name = x, a = { type = ring, nodes = 6 },\n b = { type = edges, nodes = 3,"
                    + " edges = [0, 1, 1, 0] } }]\n}\n", "gnn.graph-pairs[0].b.edges: edge 1 (1, 0) is repeated"},
            {head + "  graph-pairs = [{ name = x, a = { type = ring, nodes = 6 },\n b = { type = edges, nodes = 3,"
                    + " edges = [0, 3] } }]\n}\n", "gnn.graph-pairs[0].b.edges: edge 0: expected integer node ids in [0, 3)"},
            {head + "  graph-pairs = [{ name = x, a = { type = ring, nodes = 2 }, b = { type = ring, nodes = 6 } }]\n}\n",
                ":4: gnn.graph-pairs[0].a.nodes: expected an integer in [3, 100000], got 2"},
            {head + "  graph-pairs = [{ name = x, a = { type = star, nodes = 5 }, b = { type = ring, nodes = 6 } }]\n}\n",
                "gnn.graph-pairs[0].a.type: expected one of ring, path, complete, grid, barabasi-albert, edges, union, got 'star'"},
            {"seed = 1\ngnn {\n  study = influence\n  graphs = [{ type = grid, rows = 60, cols = 60 }]\n}\n",
                ":4: gnn.graphs[0].type: graph grid(60x60) has 3600 nodes"},
            {"seed = 1\ngnn {\n  study = influence\n  depht = 3\n  graphs = [{ type = ring, nodes = 6 }]\n}\n",
                ":4: gnn.depht: unknown key"},
        };
        int i = 0;
        for (String[] c : cases) {
            Path conf = tmp.resolve("bad" + i + ".conf");
            Files.writeString(conf, c[0]);
            Path out = tmp.resolve("out" + i++);
            StringWriter err = new StringWriter();
            assertEquals(2, run(err, "run", conf.toString(), "--no-metrics", "--out", out.toString()), err.toString());
            String msg = err.toString().strip();
            assertEquals(1, msg.lines().count(), msg);
            assertTrue(msg.contains(conf.toString()) && msg.contains(c[1]), msg);
            assertFalse(msg.contains("Exception"), msg);
            assertFalse(Files.exists(out), c[0]);
        }
    }

    @Test
    void theResolvedScenarioLoadsToItself() {
        for (String f : List.of("gnn-aggregation-power.conf", "gnn-influence.conf")) {
            org.ensemble.scenario.GnnScenario s = org.ensemble.scenario.GnnScenarioLoader.load(Path.of("scenarios", f),
                    List.of());
            org.ensemble.scenario.GnnScenario again = org.ensemble.scenario.GnnScenarioLoader.loadString(s.render(),
                    f, List.of());
            assertEquals(s.render(), again.render(), f);
            assertEquals(s.study().key(), again.study().key());
        }
    }

    @Test
    void validateAndListKnowTheKindAndResumeIsRefused() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "run", "scenarios/gnn-influence.conf", "--no-metrics", "--resume",
                tmp.resolve("nowhere").toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertEquals(2, run(new StringWriter(), "sweep", "scenarios/gnn-influence.conf", "--vary", "gnn.depth=2,3"));
    }
}
