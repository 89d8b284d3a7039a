package org.ensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A graph-dynamics study end to end, and its bad input: one line naming file and line, exit 2, nothing written. */
class GraphDynamicsCliTest {
    @TempDir
    Path dir;

    private String scenario(String graph, String extra) {
        return "seed = 3\nshards = 2\ngraph-dynamics {\n  graph { " + graph + " }\n  coupling = [1, 4]\n"
                + "  noise = 1\n  dt = 0.02\n  time = 4\n  relax = 1\n  record-every = 2\n  extrapolate-dt = false\n" + extra
                + "}\n";
    }

    private int run(StringWriter err, String... args) {
        return Main.execute(new PrintWriter(err, true), args);
    }

    @Test
    void runsAStudyOnAnEdgeListWithThePdeBeside() throws Exception {
        Path edges = dir.resolve("ring.txt");
        StringBuilder b = new StringBuilder("# a ring of 60 nodes, SNAP style\n");
        for (int i = 0; i < 60; i++) {
            b.append(i).append('\t').append((i + 1) % 60).append('\n');
        }
        Files.writeString(edges, b.toString());
        Path conf = dir.resolve("ring.conf");
        Files.writeString(conf, scenario("kind = file, path = ring.txt", "  pde { coupling = 4, cells = 64, times = [0, 4] }\n"));
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "run", conf.toString(), "--out", out.toString(), "--quiet"), err.toString());
        // every plot keeps the house rules (axis titles, labelled ticks, legend entries)
        for (String plot : new String[] {"r-of-k", "r-over-time", "phase-histogram", "w1-to-pde"}) {
            Path model = out.resolve(plot + ".plot.json");
            assertTrue(Files.isRegularFile(model), plot);
            assertEquals(java.util.List.of(), new ObjectMapper().readValue(model.toFile(),
                    org.ensemble.plot.PlotModel.class).problems(), plot);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = new ObjectMapper().readValue(out.resolve("summary.json").toFile(), Map.class);
        assertEquals("completed", summary.get("status"));
        assertEquals(60, summary.get("nodes"));
        for (String f : new String[] {"r-of-k.csv", "order-parameter.csv", "w1-to-pde.csv", "phase-histogram.csv",
                "scenario.conf"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        // the resolved scenario runs again to the same bytes, in process instead of on the actors
        Path again = dir.resolve("again");
        assertEquals(0, run(err, "run", out.resolve("scenario.conf").toString(), "--out", again.toString(), "--quiet",
                "--no-plots", "--set", "graph-dynamics.execution=in-process"));
        assertEquals(Files.readString(out.resolve("order-parameter.csv")),
                Files.readString(again.resolve("order-parameter.csv")));
    }

    @Test
    void badEdgeListsAndKeysExitTwoWithOneLine() throws Exception {
        Files.writeString(dir.resolve("bad.txt"), "0 1\n1 2\n2 two\n");
        Files.writeString(dir.resolve("loop.txt"), "0 1\n1 1\n");
        Files.writeString(dir.resolve("dup.csv"), "from,to\n0,1\n1,0\n");
        Files.writeString(dir.resolve("range.txt"), "0 1\n1 9\n");
        Files.writeString(dir.resolve("empty.txt"), "# nothing\n");
        String[][] cases = {
                {"kind = file, path = bad.txt", "", "bad.txt:3: expected an integer node id, got 'two'"},
                {"kind = file, path = loop.txt", "", "loop.txt:2: self-loop at node 1"},
                {"kind = file, path = dup.csv", "", "dup.csv:3: repeated edge 1 - 0 (first at line 2"},
                {"kind = file, path = range.txt, nodes = 5", "", "range.txt:2: node id 9 out of range [0, 5)"},
                {"kind = file, path = empty.txt", "", "empty.txt: no edges"},
                {"kind = erdos-renyi, nodes = 100, mean-degree = [200]", "", "graph.mean-degree: expected mean degrees"},
                {"kind = complete, nodes = 50", "  noise = -1\n", "graph-dynamics.noise: expected the noise intensity"},
                {"kind = complete, nodes = 50", "  pde { coupling = 2 }\n", "expected one of the study's couplings"},
                {"kind = complete, nodes = 50", "  wobble = 1\n", "graph-dynamics.wobble: unknown key"},
        };
        for (String[] c : cases) {
            Path conf = dir.resolve("c.conf");
            Files.writeString(conf, scenario(c[0], c[1]));
            Path out = dir.resolve("never");
            StringWriter err = new StringWriter();
            assertEquals(2, run(err, "run", conf.toString(), "--out", out.toString(), "--quiet"), err.toString());
            String msg = err.toString().strip();
            assertTrue(msg.contains(c[2]), msg);
            assertEquals(1, msg.lines().count(), msg);
            assertFalse(Files.exists(out));
        }
        StringWriter err = new StringWriter();
        Path conf = dir.resolve("c.conf");
        Files.writeString(conf, scenario("kind = complete, nodes = 50", ""));
        assertEquals(2, run(err, "sweep", conf.toString(), "--vary", "graph-dynamics.noise=1,2"));
        assertTrue(err.toString().contains("sweep their own coupling list"), err.toString());
    }
}
