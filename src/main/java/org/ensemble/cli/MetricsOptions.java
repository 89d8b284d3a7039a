package org.ensemble.cli;

import java.time.Duration;
import java.util.function.Function;
import org.ensemble.langevin.RunListener;
import org.ensemble.metrics.MetricsListener;
import org.ensemble.metrics.MetricsServer;
import org.ensemble.metrics.RunMetrics;
import org.ensemble.run.RunContext;
import picocli.CommandLine.Option;

/** The live-metrics flags shared by run and sweep, and the server they start. */
final class MetricsOptions {
    @Option(names = "--metrics-port", defaultValue = "9464", description = "port of /metrics (0: a free one, printed)")
    int port;

    @Option(names = "--metrics-bind", defaultValue = "127.0.0.1", description = "address to serve /metrics on")
    String bind;

    @Option(names = "--no-metrics", description = "do not serve /metrics")
    boolean disabled;

    @Option(names = "--metrics-grace", defaultValue = "5", paramLabel = "SECONDS",
            description = "keep serving the final values this long after the run (for a last scrape)")
    double graceSeconds;

    private MetricsServer server;
    private RunMetrics current;

    /** Starts the server (before any run, so a busy port fails fast); null when disabled. */
    MetricsServer start() {
        if (disabled) {
            return null;
        }
        if (!(graceSeconds >= 0) || graceSeconds > 3600) {
            throw new IllegalArgumentException("--metrics-grace: expected 0..3600 seconds, got " + graceSeconds);
        }
        server = MetricsServer.start(bind, port, null);
        System.err.println("metrics: " + server.url());
        return server;
    }

    /** Per run: a fresh set of meters, served from now on. */
    Function<RunContext, RunListener> sinks() {
        return ctx -> {
            if (server == null) {
                return m -> {
                };
            }
            String v = Main.class.getPackage().getImplementationVersion();
            RunMetrics rm = new RunMetrics(ctx.scenario(), ctx.runId(), ctx.backend(), ctx.device(), ctx.seed(),
                    v == null ? "dev" : v);
            server.serve(rm.registry());
            // A sweep's previous run stops being served now: release its meters (and JVM binders).
            if (current != null) {
                current.close();
            }
            current = rm;
            return new MetricsListener(rm, ctx.observation(), ctx.particles(), ctx.totalSteps(), ctx.dt());
        };
    }

    /** A fresh set of meters for one training run, served from now on (a no-op listener when disabled). */
    org.ensemble.training.TrainingListener trainingSink(String scenario, String runId, long seed, long width,
                                                        long totalSteps, double lr, double[] radiusEdges) {
        if (server == null) {
            return r -> {
            };
        }
        String v = Main.class.getPackage().getImplementationVersion();
        RunMetrics rm = new RunMetrics(scenario, runId, "java", "cpu", seed, v == null ? "dev" : v);
        server.serve(rm.registry());
        if (current != null) {
            current.close();
        }
        current = rm;
        return new org.ensemble.metrics.TrainingMetricsListener(rm, width, totalSteps, lr, radiusEdges);
    }

    void finish() {
        if (server != null) {
            if (graceSeconds > 0) {
                System.err.printf("metrics: serving the final values at %s for %.0f s more (--metrics-grace 0 to"
                        + " skip)%n", server.url(), graceSeconds);
            }
            server.closeAfter(Duration.ofMillis((long) (graceSeconds * 1000)));
        }
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
