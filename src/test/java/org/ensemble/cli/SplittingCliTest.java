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

    /** The splitting section's body is line 7; further sections ({@code more}) start at line 9. */
    private Path scenario(String splitting, String... more) throws IOException {
        Path f = tmp.resolve("ams.conf");
        Files.writeString(f, String.join("\n",
                "seed = 3",
                "shards = 2",
                "block-size = 16",
                "potential { type = double-well }",
                "dynamics { beta = [4, 6], dt = 2e-3 }",
                "splitting {",
                splitting,
                "}",
                String.join("\n", more), ""));
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

    /**
     * A sweep over dt: one complete run per value (a point's tables are the bytes of that run made
     * alone), sweep.csv with a row per (dt, β), the ratio plot; a bad value is one line, exit 2,
     * nothing written.
     */
    @Test
    void sweepRunsOnePointPerValueAndTabulatesEachBeta() throws IOException {
        Path f = scenario(GOOD);
        Path sweep = tmp.resolve("sweep");
        CliTest.Result r = CliTest.run("sweep", f.toString(), "--vary", "dynamics.dt=2e-3,1e-3", "--out",
                sweep.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(sweep.resolve("sweep.csv"));
        assertEquals(1 + 2 * 2, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("dynamics.dt,beta,p,se,rel_se,exact,z,ratio,ratio_se"), rows.get(0));
        assertTrue(rows.get(3).startsWith("1e-3,4.0,"), rows.get(3));
        Path alone = tmp.resolve("alone");
        assertEquals(0, CliTest.run("run", f.toString(), "--set", "dynamics.dt=1e-3", "--out", alone.toString(),
                "--quiet", "--no-plots").code());
        for (String file : new String[] {"ams.csv", "ams-runs.csv"}) {
            assertEquals(-1L, Files.mismatch(alone.resolve(file), sweep.resolve("dynamics.dt=1e-3").resolve(file)),
                    file);
        }
        assertTrue(Files.size(sweep.resolve("plots/sweep-ratio.png")) > 1000);

        Path never = tmp.resolve("never");
        CliTest.Result bad = CliTest.run("sweep", f.toString(), "--vary", "splitting.kill=1,30", "--out",
                never.toString());
        assertEquals(2, bad.code(), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("splitting.kill: expected fewer than replicas = 20"), bad.err());
        assertFalse(Files.exists(never));
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
        "replicas = 20, start = -0.9, a = -1, b = 1, coordinate = y | splitting.coordinate: expected one of",
        "replicas = 20, kill = 25, start = -0.9, a = -1, b = 1 | splitting.kill: expected fewer than replicas = 20",
        "method = ffs, trials = 20, start = -0.9, a = -1, b = 1, save-reactive = 1"
                + " | splitting.save-reactive: expected 0: reactive trajectories are kept by AMS only",
        "method = ffs, trials = 20, start = -0.9, a = -1, b = 1, interfaces = [0, -0.5, 1]"
                + " | splitting.interfaces: expected interfaces increasing from ξ(start) = -0.9 to b = 1.0"})
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

    /** An mfpt section that cannot apply: one line naming its line (9) and key, exit 2, nothing written. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "method = ffs, trials = 20, start = -0.9, a = -1, b = 1 | mfpt { from = -1, time = 1 }"
                + " | mfpt.from: the mfpt section needs splitting.method = ams",
        GOOD + ", replica-study = [10] | mfpt { from = -1, time = 1 }"
                + " | mfpt.from: the mfpt section cannot be combined with splitting.replica-study",
        GOOD + " | mfpt { from = -0.5, time = 1 } | mfpt.from: expected 1 coordinates with ξ = x ≤ a = -1.0"})
    void aBadMfptSectionIsOneLineWithFileLineKeyAndExit2(String body, String mfpt, String message) throws IOException {
        Path f = scenario(body, mfpt);
        Path out = tmp.resolve("never");
        CliTest.Result r = CliTest.run("run", f.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(f + ":9: " + message), r.err());
        assertFalse(Files.exists(out));
    }
}
