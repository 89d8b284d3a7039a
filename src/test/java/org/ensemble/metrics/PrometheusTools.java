package org.ensemble.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Prometheus and promtool, for the tests that need them: present on developer machines
 * that installed the package and on CI (.ci/run installs it and sets
 * ENSEMBLE_REQUIRE_PROMETHEUS=1, so a missing binary fails there instead of skipping silently).
 */
final class PrometheusTools {
    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private PrometheusTools() {
    }

    /** Aborts the test (loudly) without the binaries, or fails it when they are required. */
    static void requireBinaries() {
        boolean present = Files.isExecutable(PROMETHEUS) && Files.isExecutable(PROMTOOL);
        boolean required = "1".equals(System.getenv("ENSEMBLE_REQUIRE_PROMETHEUS"));
        String missing = PROMETHEUS + " / " + PROMTOOL + " not found (apt-get install prometheus)";
        assertTrue(present || !required, "ENSEMBLE_REQUIRE_PROMETHEUS=1 but " + missing);
        if (!present) {
            System.err.println("*** SKIPPED: " + missing + "; the Prometheus checks did NOT run ***");
        }
        assumeTrue(present, "*** " + missing + ": skipping; set ENSEMBLE_REQUIRE_PROMETHEUS=1 to fail instead ***");
    }

    /** The result of {@code promtool check metrics} on {@code page}: exit code and what it said. */
    record Lint(int exit, String output) {
    }

    static Lint checkMetrics(String page) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        try {
            // promtool reads all of stdin before it writes, so writing first cannot deadlock.
            p.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "promtool did not finish in 30 s");
            return new Lint(p.exitValue(), out);
        } finally {
            stop(p);
        }
    }

    /** A port free on loopback right now (for a child process that must be told its port). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Stops a process we started, by its handle: TERM, 10 s, then KILL, 10 s. */
    static void stop(Process p) throws InterruptedException {
        if (!p.isAlive()) {
            return;
        }
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                System.err.println("process " + p.pid() + " did not stop after SIGKILL within 10 s");
            }
        }
    }
}
