package org.ensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ensemble.metrics.MetricsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The metrics flags' defaults: a taken default port, the grace after a run, Ctrl-C during it. */
class MetricsOptionsTest {
    @TempDir
    Path tmp;

    @CommandLine.Command(name = "t")
    static final class Holder {
        @CommandLine.Mixin
        MetricsOptions metrics = new MetricsOptions();
    }

    /** The options as picocli fills them from {@code args} (defaults applied). */
    static MetricsOptions parse(String... args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args);
        return h.metrics;
    }

    /** Runs {@code body} with System.err captured; returns what it printed. */
    static String stderrOf(Runnable body) {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true));
        try {
            body.run();
        } finally {
            System.setErr(saved);
        }
        return bytes.toString();
    }

    /** Occupies 127.0.0.1:port, or null when something else already holds it (busy either way). */
    static ServerSocket occupy(int port) throws IOException {
        try {
            return new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"));
        } catch (BindException e) {
            return null;
        }
    }

    static long millis(Runnable body) {
        long t0 = System.nanoTime();
        body.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void aBusyDefaultPortFallsBackToAFreeOneAndNamesIt() throws IOException {
        try (ServerSocket held = occupy(MetricsServer.DEFAULT_PORT)) {
            MetricsOptions m = parse();
            MetricsServer[] started = new MetricsServer[1];
            String err = stderrOf(() -> started[0] = m.start());
            try {
                int port = started[0].port();
                assertNotEquals(MetricsServer.DEFAULT_PORT, port);
                assertTrue(err.contains("port " + MetricsServer.DEFAULT_PORT + " is taken")
                        && err.contains("serving on port " + port + " instead"), err);
                assertTrue(started[0].url().startsWith("http://127.0.0.1:"), "binds 127.0.0.1 by default");
            } finally {
                m.finish();
            }
        }
    }

    @Test
    void aBusyExplicitPortIsOneLineAndExit2() throws IOException {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path out = tmp.resolve("out");
            CliTest.Result r = CliTest.run("run", CliTest.SMALL.toString(), "--out", out.toString(), "--quiet",
                    "--metrics-port", String.valueOf(held.getLocalPort()));
            assertEquals(2, r.code(), r.err());
            String line = r.err().strip();
            assertFalse(line.contains("\n"), line);
            assertTrue(line.contains("127.0.0.1:" + held.getLocalPort() + " is already in use"), line);
            assertFalse(Files.exists(out), "nothing runs when the named port is taken");
        }
    }

    @Test
    void aBadBindAddressIsOneLineNamingTheFlag() {
        CliTest.Result r = CliTest.run("run", CliTest.SMALL.toString(), "--out", tmp.resolve("out").toString(),
                "--quiet", "--metrics-bind", "300.1.1.1");
        assertEquals(2, r.code(), r.err());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.contains("--metrics-bind 300.1.1.1: expected an IP address"), line);
        assertFalse(line.contains("Exception"), line);
    }

    @Test
    void noGraceWaitWhenNobodyScraped() {
        MetricsOptions m = parse("--metrics-port", "0");
        stderrOf(m::start);
        long ms = millis(m::finish);
        assertTrue(ms < 2000, "finish waited " + ms + " ms with nobody scraping");
    }

    @Test
    void anExplicitGraceIsKeptEvenWhenNobodyScraped() {
        MetricsOptions m = parse("--metrics-port", "0", "--metrics-grace", "0.5");
        stderrOf(m::start);
        long ms = millis(m::finish);
        assertTrue(ms >= 450, "finish returned after " + ms + " ms, before the 0.5 s grace");
    }

    @Test
    void aScrapedRunKeepsTheDefaultGraceForALastScrape() throws Exception {
        MetricsOptions m = parse("--metrics-port", "0");
        stderrOf(m::start);
        MetricsServer s = m.server();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.url())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals(1, s.scrapes());
        long ms = millis(() -> stderrOf(m::finish));
        assertTrue(ms >= MetricsOptions.DEFAULT_GRACE_SECONDS * 1000 - 100, "finish returned after " + ms + " ms");
    }

    @Test
    void ctrlCDuringTheGraceOnlyEndsTheWait() throws Exception {
        MetricsOptions m = parse("--metrics-port", "0", "--metrics-grace", "30");
        stderrOf(m::start);
        Thread ctrlC = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            // What the terminal sends on Ctrl-C; without a handler the JVM (this test) would exit 130.
            sun.misc.Signal.raise(new sun.misc.Signal("INT"));
        });
        ctrlC.start();
        long ms = millis(m::finish);
        ctrlC.join();
        assertTrue(ms < 10_000, "Ctrl-C did not end the 30 s grace (" + ms + " ms)");
        assertFalse(Thread.currentThread().isInterrupted(), "the caller is left interrupted");
    }
}
