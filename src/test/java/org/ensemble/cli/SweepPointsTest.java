package org.ensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's finished points are final when their {@code outputs:} line is printed (not hidden in a
 * staging directory until the whole sweep ends), and an interrupted sweep keeps them.
 */
class SweepPointsTest {
    @TempDir
    Path tmp;

    @Test
    void aFinishedSweepHasItsPointsAndItsTablesAndNoStaging() throws IOException {
        Path out = tmp.resolve("sweep");
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(err, true), "sweep", "src/test/resources/scenarios/small-escape.conf",
                "--vary", "seed=1,2", "--out", out.toString(), "--quiet", "--no-plots", "--no-metrics"), err.toString());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("seed=1", "seed=2", "sweep.csv", "sweep.json"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.isRegularFile(out.resolve("seed=2/summary.json")));
    }

    @Test
    void eachPrintedPointExistsAndAnInterruptedSweepKeepsThem() throws Exception {
        Path out = tmp.resolve("sweep");
        Path log = tmp.resolve("log.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "sweep", "src/test/resources/scenarios/small-escape.conf", "--vary",
                "seed=1,2,3,4,5,6,7,8", "--set", "run.time=4000", "--out", out.toString(), "--quiet", "--no-plots",
                "--no-metrics").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String printed = null;
            while (printed == null && p.isAlive() && System.nanoTime() < deadline) {
                printed = Files.readAllLines(log).stream().filter(l -> l.strip().startsWith("outputs: "))
                        .findFirst().map(l -> l.strip().substring("outputs: ".length())).orElse(null);
                Thread.sleep(20);
            }
            assertTrue(printed != null, "no point finished: " + Files.readString(log));
            assertTrue(Files.isRegularFile(Path.of(printed, "summary.json")), "printed " + printed + " does not exist");
            p.destroy(); // SIGTERM: the sweep stops between or inside points
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the sweep did not stop");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(143, p.exitValue(), Files.readString(log));
        assertTrue(Files.isRegularFile(out.resolve("seed=1/summary.json")), "the finished point was lost");
        assertTrue(!Files.exists(out.resolve(".lock")), "the sweep's lock was left");
    }
}
