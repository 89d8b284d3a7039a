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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A splitting run stopped part-way keeps its checkpoint on disk and `resume` finishes it to the same
 * bytes as a run never stopped (summary, tables, reactive trajectories).
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
}
