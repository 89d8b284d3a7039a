package org.ensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM during a run (a JVM of its own, as a user's would be) stops it at the next step barrier:
 * exit 143, a committed run directory whose summary says "interrupted" and holds what was measured,
 * a final checkpoint with the line that says how to resume, and no stale staging directory.
 */
class InterruptTest {
    @TempDir
    Path tmp;

    @Test
    void sigtermKeepsWhatWasMeasured() throws Exception {
        Path out = tmp.resolve("run");
        Path staging = tmp.resolve(".run.partial");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.ensemble.cli.Main", "run", "src/test/resources/scenarios/small-escape.conf",
                // Long enough never to finish here: 5e7 steps of 700 particles.
                "--set", "run.time=100000", "--set", "run.report-every=0.2", "--no-metrics", "--no-plots",
                "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        try {
            Path ts = staging.resolve("timeseries.csv");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines(ts) < 5 && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(100);
            }
            assertTrue(lines(ts) >= 5, "the run never reported: " + Files.readString(tmp.resolve("log.txt")));
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run did not stop within 60 s of SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        String log = Files.readString(tmp.resolve("log.txt"));
        assertEquals(143, p.exitValue(), log);
        assertTrue(log.contains("interrupted at step"), log);
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"status\" : \"interrupted\""), summary);
        assertTrue(Files.size(out.resolve("escapes.csv")) > 0);
        assertTrue(lines(out.resolve("timeseries.csv")) >= 5);
        assertFalse(Files.exists(staging), "stale staging directory left");
        assertTrue(Files.isRegularFile(out.resolve("checkpoint/manifest.json")), "no final checkpoint");
        assertTrue(log.contains("resume with: ensemble resume " + out), log);
    }

    private static long lines(Path f) throws IOException {
        if (!Files.exists(f)) {
            return 0;
        }
        List<String> l = Files.readAllLines(f);
        return l.size();
    }
}
