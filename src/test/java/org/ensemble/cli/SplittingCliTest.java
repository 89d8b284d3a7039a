package org.ensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.theory.ExactCommittor1D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `ensemble run` on a splitting scenario: its outputs, and one-line errors (exit 2) for bad input. */
class SplittingCliTest {
    @TempDir
    Path tmp;

    private Path scenario(String splitting) throws IOException {
        Path f = tmp.resolve("ams.conf");
        Files.writeString(f, String.join("\n",
                "seed = 3",
                "shards = 2",
                "block-size = 16",
                "potential { type = double-well }",
                "dynamics { beta = [4, 6], dt = 2e-3 }",
                "splitting {",
                splitting,
                "}", ""));
        return f;
    }

    private static final String GOOD = "replicas = 20, kill = 2, runs = 6, start = -0.9, a = -1, b = 1";

    @Test
    void runWritesSummaryTablesAndPlotBesideTheExactCommittor() throws IOException {
        Path out = tmp.resolve("out");
        CliTest.Result r = CliTest.run("run", scenario(GOOD).toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("completed", s.get("status").asText());
        assertEquals(2, s.get("estimates").size());
        for (JsonNode e : s.get("estimates")) {
            double beta = e.get("beta").asDouble();
            double exact = ExactCommittor1D.committor(new DoubleWellPotential(0), beta, -1, 1, -0.9);
            assertEquals(exact, e.get("exact").asDouble(), 0);
            // 6 runs of 20 replicas: a loose SE, but a wrong estimator is off by far more than 4 of them.
            assertTrue(Math.abs(e.get("z").asDouble()) < 4, e.toString());
            assertTrue(e.get("ams_particle_steps").asDouble() > 0 && e.get("direct_particle_steps").asDouble() > 0);
        }
        assertEquals(1 + 12, Files.readAllLines(out.resolve("ams-runs.csv")).size());
        assertTrue(Files.size(out.resolve("plots/probability.png")) > 1000);
    }

    /** A replica study repeats the runs at further n: one row per (β, n) and a plot per β. */
    @Test
    void replicaStudyWritesItsTableAndPlots() throws IOException {
        Path out = tmp.resolve("study");
        CliTest.Result r = CliTest.run("run", scenario(GOOD + ", replica-study = [10, 40]").toString(), "--out",
                out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("replicas.csv"));
        assertEquals(1 + 2 * 3, rows.size(), rows.toString());
        assertTrue(rows.get(1).startsWith("4.0,10,") && rows.get(3).startsWith("4.0,40,"), rows.toString());
        assertTrue(Files.size(out.resolve("plots/relative-error-beta-4.0.png")) > 1000);
        assertTrue(Files.size(out.resolve("plots/relative-error-beta-6.0.png")) > 1000);
        CliTest.Result bad = CliTest.run("run", scenario(GOOD + ", replica-study = [2]").toString(), "--out",
                tmp.resolve("bad").toString(), "--quiet");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains(":7: splitting.replica-study: expected whole replica counts above kill = 2"),
                bad.err());
    }

    @Test
    void sweepRefusesASplittingScenarioInOneLine() throws IOException {
        CliTest.Result r = CliTest.run("sweep", scenario(GOOD).toString(), "--vary", "dynamics.beta=4,5", "--out",
                tmp.resolve("sweep").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("splitting scenarios are not swept"), r.err());
        assertFalse(Files.exists(tmp.resolve("sweep")));
    }

    /** Same scenario and seed, 1 or 3 shards: the same bytes in every result file but run.json. */
    @Test
    void summaryAndTablesAreByteIdenticalForAnyShardCount() throws IOException {
        Path f = scenario(GOOD);
        Path one = tmp.resolve("one");
        Path three = tmp.resolve("three");
        assertEquals(0, CliTest.run("run", f.toString(), "--out", one.toString(), "--quiet", "--no-plots",
                "--set", "shards=1").code());
        assertEquals(0, CliTest.run("run", f.toString(), "--out", three.toString(), "--quiet", "--no-plots",
                "--set", "shards=3").code());
        for (String file : new String[] {"summary.json", "ams.csv", "ams-runs.csv"}) {
            assertEquals(-1L, Files.mismatch(one.resolve(file), three.resolve(file)), file);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "replicas = 20, kill = 20, start = -0.9, a = -1, b = 1 | splitting.kill: expected fewer than replicas",
        "replicas = 20, start = -0.9, a = 1, b = -1            | splitting.b: expected b > a",
        "replicas = 20, start = 0.2, a = 0.2, b = 0.2          | splitting.b: expected b > a",
        "replicas = 20, start = 1.5, a = -1, b = 1             | splitting.start: expected ξ = x strictly between",
        "replicas = 20, start = -0.9, a = -1, b = 1, coordinate = y | splitting.coordinate: expected one of"})
    void badInputIsOneLineWithFileLineKeyAndExit2(String body, String message) throws IOException {
        Path f = scenario(body);
        int line = 7; // the splitting section's body
        Path out = tmp.resolve("never");
        CliTest.Result r = CliTest.run("run", f.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(f + ":" + line + ": " + message), r.err());
        assertFalse(Files.exists(out));
    }
}
