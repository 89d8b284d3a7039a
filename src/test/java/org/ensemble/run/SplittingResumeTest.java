package org.ensemble.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.ensemble.checkpoint.Checkpoint;
import org.ensemble.scenario.SplittingScenario;
import org.ensemble.scenario.SplittingScenarioLoader;
import org.ensemble.splitting.SplittingCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A splitting run stopped part-way keeps its checkpoint on disk and `resume` finishes it to the same
 * bytes as a run never stopped (summary, tables, reactive trajectories) — whichever phase it was
 * stopped in: AMS, the MFPT's direct run, FFS, a replica-study AMS.
 */
class SplittingResumeTest {
    @TempDir
    Path tmp;

    @Test
    void aStoppedRunResumesToTheSameBytes() throws IOException {
        Path f = tmp.resolve("mb.conf");
        Files.writeString(f, String.join("\n",
                "seed = 9",
                "shards = 2",
                "block-size = 8",
                "potential { type = muller-brown, scale = 0.05 }",
                "dynamics { beta = [1, 1.5], dt = 1e-3 }",
                "splitting { replicas = 16, kill = 2, runs = 3, start = [-0.6, 1.25],",
                "  a { center = [-0.558, 1.442], radius = 0.1 }, b { center = [0.623, 0.028], radius = 0.1 },",
                "  save-reactive = 2 }",
                "checkpoint { every = 10 }", ""));
        SplittingScenario s = SplittingScenarioLoader.load(f, List.of());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Path whole = tmp.resolve("whole");
        assertFalse(SplittingRun.execute(s, whole, true, false, quiet, () -> false).isEmpty());

        Path stopped = tmp.resolve("stopped");
        AtomicInteger polls = new AtomicInteger();
        assertTrue(SplittingRun.execute(s, stopped, true, false, quiet, () -> polls.incrementAndGet() > 30).isEmpty());
        assertTrue(Files.readString(stopped.resolve("summary.json")).contains("\"interrupted\""));
        List<?> done = SplittingRun.execute(s, stopped, true, false, quiet, () -> false, Checkpoint.find(stopped));
        assertFalse(done.isEmpty());
        for (String file : new String[] {"summary.json", "ams.csv", "ams-runs.csv", "reactive.csv"}) {
            assertEquals(-1L, Files.mismatch(whole.resolve(file), stopped.resolve(file)), file);
        }
    }

    private SplittingScenario doubleWell(String splitting, String... more) throws IOException {
        Path f = tmp.resolve("dw.conf");
        Files.writeString(f, String.join("\n",
                "seed = 4",
                "shards = 2",
                "block-size = 16",
                "potential { type = double-well }",
                "dynamics { beta = [4, 6], dt = 2e-3 }",
                "splitting { " + splitting + " }",
                String.join("\n", more), ""));
        return SplittingScenarioLoader.load(f, List.of());
    }

    /** Stops after {@code polls} polls of the stop flag; returns the checkpoint it kept. */
    private static Checkpoint stopAfter(SplittingScenario s, Path dir, int polls, Checkpoint from) throws IOException {
        AtomicInteger n = new AtomicInteger();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        assertTrue(SplittingRun.execute(s, dir, true, false, quiet, () -> n.incrementAndGet() >= polls, from)
                .isEmpty());
        assertTrue(Files.readString(dir.resolve("summary.json")).contains("\"interrupted\""));
        return Checkpoint.find(dir);
    }

    private static void assertSameFiles(Path whole, Path resumed, String... files) {
        for (String file : files) {
            try {
                assertEquals(-1L, Files.mismatch(whole.resolve(file), resumed.resolve(file)), file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * The MFPT's direct run (6 particles at each of 2 β: 12 steps) stopped after its 4th particle,
     * then after the first AMS round (run step 12 + 1), then finished: the same bytes.
     */
    @Test
    void anMfptRunStoppedInItsDirectRunAndItsAmsResumesToTheSameBytes() throws IOException {
        SplittingScenario s = doubleWell("replicas = 20, kill = 2, runs = 4, start = -0.9, a = -1, b = 1",
                "mfpt { from = -1, particles = 6, time = 4 }", "checkpoint { every = 5 }");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Path whole = tmp.resolve("whole");
        assertFalse(SplittingRun.execute(s, whole, true, false, quiet, () -> false).isEmpty());

        Path stopped = tmp.resolve("stopped");
        Checkpoint first = stopAfter(s, stopped, 4, null);
        assertEquals(4, first.step());
        assertTrue(Files.readString(stopped.resolve("summary.json")).contains("direct run at β = 4.0"));
        assertEquals(0, SplittingCheckpoint.finished(first.point().reducer()).fluxes().size());
        Checkpoint second = stopAfter(s, stopped, 2 + 6 + 1, first);
        assertEquals(12 + 1, second.step());
        SplittingCheckpoint.Finished f = SplittingCheckpoint.finished(second.point().reducer());
        assertEquals(2, f.fluxes().size());
        assertEquals(null, f.main());
        assertFalse(SplittingRun.execute(s, stopped, true, false, quiet, () -> false, second).isEmpty());
        assertSameFiles(whole, stopped, "summary.json", "ams.csv", "ams-runs.csv");
        assertTrue(Files.readString(stopped.resolve("summary.json")).contains("\"mfpt\""));
    }

    /** Forward flux sampling (8 runs, a step each) stopped after 3 runs, then 2 more, then finished. */
    @Test
    void anFfsRunStoppedBetweenItsRunsResumesToTheSameBytes() throws IOException {
        SplittingScenario s = doubleWell("method = ffs, trials = 20, interface-count = 5, runs = 4, start = -0.9,"
                + " a = -1, b = 1");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Path whole = tmp.resolve("whole");
        assertFalse(SplittingRun.execute(s, whole, true, false, quiet, () -> false).isEmpty());

        Path stopped = tmp.resolve("stopped");
        Checkpoint first = stopAfter(s, stopped, 3, null);
        assertEquals(3, first.step());
        assertEquals(3, SplittingCheckpoint.ffs(first.point().reducer()).size());
        Checkpoint second = stopAfter(s, stopped, 2, first);
        assertEquals(5, second.step());
        assertFalse(SplittingRun.execute(s, stopped, true, false, quiet, () -> false, second).isEmpty());
        assertSameFiles(whole, stopped, "summary.json", "ams.csv", "ams-runs.csv");
    }

    /** A replica study stopped at its last barrier (after the main AMS finished) resumes to the same bytes. */
    @Test
    void aReplicaStudyStoppedAfterItsMainAmsResumesToTheSameBytes() throws IOException {
        SplittingScenario s = doubleWell("replicas = 20, kill = 2, runs = 4, start = -0.9, a = -1, b = 1,"
                + " replica-study = [10], save-reactive = 2");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Path whole = tmp.resolve("whole");
        AtomicInteger polls = new AtomicInteger();
        assertFalse(SplittingRun.execute(s, whole, true, false, quiet, () -> polls.incrementAndGet() < 0).isEmpty());

        Path stopped = tmp.resolve("stopped");
        Checkpoint cp = stopAfter(s, stopped, polls.get(), null);
        SplittingCheckpoint.Finished f = SplittingCheckpoint.finished(cp.point().reducer());
        assertTrue(f.main() != null && f.study().isEmpty(), "stopped in the study, after the main AMS");
        assertFalse(SplittingRun.execute(s, stopped, true, false, quiet, () -> false, cp).isEmpty());
        assertSameFiles(whole, stopped, "summary.json", "ams.csv", "ams-runs.csv", "replicas.csv", "reactive.csv");
    }
}
