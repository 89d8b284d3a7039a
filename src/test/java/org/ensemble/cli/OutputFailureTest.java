package org.ensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output-side failures and impossible sizes are one line, with nothing half-written: an {@code --out}
 * under a file and a population too large for the heap are refused before anything starts (exit 2);
 * a full disk (a 200 KiB tmpfs, where this machine lets the test mount one) fails in one line
 * naming the file and the cause (exit 1) and leaves no staging directory.
 */
class OutputFailureTest {
    static final String SCENARIO = "src/test/resources/scenarios/small-escape.conf";

    @TempDir
    Path tmp;

    private record Result(int code, String err) {
    }

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), args);
        return new Result(code, err.toString());
    }

    @Test
    void outUnderAFileIsRefusedBeforeTheRun() throws IOException {
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        // The metrics server is on: the check must come before it starts (no "metrics:" line).
        Result r = run("run", SCENARIO, "--out", file.resolve("sub").toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of("error: --out " + file.resolve("sub") + ": cannot create it, " + file + " is a file"),
                r.err().strip().lines().toList());
        assertEquals(1, Files.list(tmp).count());
    }

    @Test
    void aPopulationBeyondTheHeapIsRefusedUpFront() throws IOException {
        // 2e9 particles need ~90 GiB; the test JVM has far less.
        Result r = run("run", SCENARIO, "--set", "population.size=2000000000", "--out", tmp.resolve("big").toString(),
                "--quiet");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("population.size = 2000000000 needs about") && r.err().contains("-Xmx"), r.err());
        Result t = run("run", "scenarios/mmn-isotropic-gaussians.conf", "--set", "network.width=100000000",
                "--out", tmp.resolve("wide").toString(), "--quiet", "--no-metrics");
        assertEquals(2, t.code(), t.err());
        assertTrue(t.err().contains("network.width = 100000000 needs about"), t.err());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.count(), "nothing may be written");
        }
    }

    @Test
    void aFullDiskIsOneLineAndLeavesNothing() throws Exception {
        Path mnt = Files.createDirectory(tmp.resolve("small"));
        Assumptions.assumeTrue(exec("mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", mnt.toString()),
                "cannot mount a small tmpfs here (needs root with CAP_SYS_ADMIN)");
        try {
            Result r = run("run", SCENARIO, "--set", "population.size=2000", "--set", "run.time=50",
                    "--out", mnt.resolve("run").toString(), "--quiet", "--no-metrics");
            assertEquals(1, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: cannot write ") && r.err().contains("No space left on device"),
                    r.err());
            try (Stream<Path> s = Files.list(mnt)) {
                assertEquals(List.of(), s.toList(), "a failed run leaves nothing half-written");
            }
        } finally {
            exec("umount", mnt.toString());
        }
    }

    private static boolean exec(String... cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
