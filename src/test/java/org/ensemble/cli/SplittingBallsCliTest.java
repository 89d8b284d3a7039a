package org.ensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Splitting scenarios with ball-shaped A and B (Müller–Brown): outputs, determinism, one-line errors. */
class SplittingBallsCliTest {
    @TempDir
    Path tmp;

    private static final String A = "a { center = [-0.558, 1.442], radius = 0.1 }";
    private static final String B = "b { center = [0.623, 0.028], radius = 0.1 }";
    private static final String GOOD = "replicas = 16, runs = 3, start = [-0.6, 1.25], " + A + ", " + B;

    private Path scenario(String splitting, String... more) throws IOException {
        Path f = tmp.resolve("mb.conf");
        Files.writeString(f, String.join("\n",
                "seed = 5",
                "shards = 2",
                "block-size = 7",
                "potential { type = muller-brown, scale = 0.05 }",
                "dynamics { beta = 1, dt = 1e-3 }",
                "splitting {",
                splitting,
                "}",
                String.join("\n", more), ""));
        return f;
    }

    @Test
    void summaryCarriesTheGridCommittorAndItsErrorAndIsTheSameForAnyShardCount() throws IOException {
        Path f = scenario(GOOD + ", save-reactive = 2",
                "committor { low = [-1.7, -0.6], high = [1.3, 2.1], cells = 48 }");
        Path one = tmp.resolve("one");
        Path three = tmp.resolve("three");
        CliTest.Result r = CliTest.run("run", f.toString(), "--out", one.toString(), "--quiet", "--no-plots",
                "--set", "shards=1");
        assertEquals(0, r.code(), r.err());
        assertEquals(0, CliTest.run("run", f.toString(), "--out", three.toString(), "--quiet", "--no-plots",
                "--set", "shards=3").code());
        for (String file : new String[] {"summary.json", "ams.csv", "ams-runs.csv", "reactive.csv"}) {
            assertEquals(-1L, Files.mismatch(one.resolve(file), three.resolve(file)), file);
        }
        JsonNode s = new ObjectMapper().readTree(one.resolve("summary.json").toFile());
        JsonNode g = s.get("committor_grid").get(0);
        assertEquals(48, g.get("cells").asInt());
        double q = g.get("q").asDouble();
        assertTrue(q > 1e-4 && q < 1e-2, g.toString()); // 2.39e-3 at 160 cells
        assertEquals(Math.abs(q - g.get("q_half_cells").asDouble()), g.get("grid_error").asDouble(), 1e-15);
        assertEquals(q, s.get("estimates").get(0).get("exact").asDouble(), 0);
        assertEquals(0.1, s.get("a").get("radius").asDouble(), 0);
        // Keys in a fixed order: the same bytes from any JVM (a resumed run is another JVM).
        java.util.List<String> keys = new java.util.ArrayList<>();
        s.get("b").fieldNames().forEachRemaining(keys::add);
        assertEquals(java.util.List.of("center", "radius"), keys);
        // Two trajectories that reached B, every step, from the start (−0.6, 1.25) into B.
        assertEquals(2, s.get("reactive_trajectories").asInt());
        java.util.List<String> rows = Files.readAllLines(one.resolve("reactive.csv"));
        assertEquals("beta,run,replica,step,time,x,y", rows.get(0));
        assertTrue(rows.get(1).startsWith("1.0,0,") && rows.get(1).endsWith(",-0.6,1.25"), rows.get(1));
        String[] end = rows.get(rows.size() - 1).split(",");
        double dx = Double.parseDouble(end[5]) - 0.623;
        double dy = Double.parseDouble(end[6]) - 0.028;
        assertTrue(Math.hypot(dx, dy) <= 0.1, rows.get(rows.size() - 1));
        assertTrue(rows.size() > 100, rows.size() + " rows");
    }

    @Test
    void aGridTooCoarseForTheBallsOnItsHalfIsRefused() throws IOException {
        Path f = scenario(GOOD, "committor { low = [-1.7, -0.6], high = [1.3, 2.1], cells = 40 }");
        CliTest.Result r = CliTest.run("run", f.toString(), "--out", tmp.resolve("never").toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(f + ":9: committor.cells: expected enough cells"), r.err());
        assertFalse(Files.exists(tmp.resolve("never")));
    }

    @Test
    void anMfptSectionWithBallsIsRefused() throws IOException {
        Path f = scenario(GOOD, "mfpt { from = [-0.558, 1.442], time = 1 }");
        CliTest.Result r = CliTest.run("run", f.toString(), "--out", tmp.resolve("never").toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(f + ":9: mfpt.from: the mfpt section needs half-spaces a and b (numbers), not"
                + " balls"), r.err());
        assertFalse(Files.exists(tmp.resolve("never")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "replicas = 9, start = [-0.6, 1.25], " + A + ", b { center = [-0.5, 1.4], radius = 0.1 }"
                + " | splitting.b: expected balls A and B apart",
        "replicas = 9, start = [0, 0], a { center = [-0.558, 1.442], radius = 0.5 }, b { center = [-0.5, 1.4], radius"
                + " = 0.1 } | splitting.b: expected B outside A, but the ball B lies inside the ball A",
        "replicas = 9, start = [-0.55, 1.45], " + A + ", " + B + " | splitting.start: expected a point outside A and B",
        "replicas = 9, start = [0.62, 0.03], " + A + ", " + B + " | splitting.start: expected a point outside A and B",
        "replicas = 9, start = [-0.6, 1.25], coordinate = y, " + A + ", " + B
                + " | splitting.coordinate: expected ξ = y to increase from A to B",
        "replicas = 9, start = [-0.6, 1.25], a = 0, " + B + " | splitting.a: expected a ball",
        "replicas = 9, start = [-0.6, 1.25], a { center = [0, 0, 0], radius = 0.1 }, " + B
                + " | splitting.a.center: expected 2 coordinates",
        "replicas = 9, start = [-0.6, 1.25], a = -1, b = 1, coordinate = distance"
                + " | splitting.coordinate: expected x, y or z: coordinate = distance needs balls",
        "method = ffs, start = [-0.6, 1.25], " + A + ", " + B + " | splitting.method: expected ams"})
    void badBallsAreOneLineWithFileLineKeyAndExit2(String body, String message) throws IOException {
        Path f = scenario(body);
        Path out = tmp.resolve("never");
        CliTest.Result r = CliTest.run("run", f.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(f + ":7: " + message), r.err());
        assertFalse(Files.exists(out));
    }
}
