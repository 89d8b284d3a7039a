package org.ensemble.cli;

import java.time.Duration;
import java.util.function.Function;
import org.ensemble.langevin.Measure;
import org.ensemble.step.Observer;
import org.ensemble.metrics.MetricsListener;
import org.ensemble.metrics.MetricsPortInUseException;
import org.ensemble.metrics.MetricsServer;
import org.ensemble.metrics.RunMetrics;
import org.ensemble.run.RunContext;
import picocli.CommandLine.Option;

/** The live-metrics flags shared by run and sweep, and the server they start. */
final class MetricsOptions {
    /** Grace after a run that has been scraped, when --metrics-grace is not given. */
    static final double DEFAULT_GRACE_SECONDS = 5;

    // Null when not given: the default port falls back to a free one when taken (two runs at once),
    // a port the user named does not.
    @Option(names = "--metrics-port", paramLabel = "PORT", description = "port of /metrics (default 9464, or a free"
            + " one, printed, when 9464 is taken; 0: a free one)")
    Integer port;

    @Option(names = "--metrics-bind", paramLabel = "ADDRESS", defaultValue = MetricsServer.DEFAULT_BIND,
            description = "address to serve /metrics on (default 127.0.0.1, this machine only)")
    String bind;

    @Option(names = "--no-metrics", description = "do not serve /metrics")
    boolean disabled;

    // Null when not given: wait only if somebody has scraped (a Prometheus that wants the last values).
    @Option(names = "--metrics-grace", paramLabel = "SECONDS", description = "keep serving the final values this long"
            + " after the run, for a last scrape (default 5 if /metrics was scraped during the run, else 0)")
    Double graceSeconds;

    /** No "metrics: URL" line (run --quiet); a fallback port is still named, as it cannot be guessed. */
    boolean quiet;

    private MetricsServer server;
    private RunMetrics current;

    /** Starts the server (before any run, so a busy port fails fast); null when disabled. */
    MetricsServer start() {
        if (disabled) {
            return null;
        }
        if (graceSeconds != null && (!(graceSeconds >= 0) || graceSeconds > 3600)) {
            throw new IllegalArgumentException("--metrics-grace: expected 0..3600 seconds, got " + graceSeconds);
        }
        if (port != null) {
            server = MetricsServer.start(bind, port, null);
        } else {
            try {
                server = MetricsServer.start(bind, MetricsServer.DEFAULT_PORT, null);
            } catch (MetricsPortInUseException e) {
                server = MetricsServer.start(bind, 0, null);
                System.err.printf("metrics: port %d is taken (another run?); serving on port %d instead%n",
                        MetricsServer.DEFAULT_PORT, server.port());
            }
        }
        if (!quiet) {
            System.err.println("metrics: " + server.url());
        }
        return server;
    }

    /** The server started, or null (tests). */
    MetricsServer server() {
        return server;
    }

    /** Per run: a fresh set of meters, served from now on. */
    Function<RunContext, Observer<Measure>> sinks() {
        return ctx -> {
            if (server == null) {
                return m -> {
                };
            }
            String v = Main.class.getPackage().getImplementationVersion();
            RunMetrics rm = new RunMetrics(ctx.scenario(), ctx.runId(), ctx.backend(), ctx.device(), ctx.seed(),
                    v == null ? "dev" : v);
            org.ensemble.cluster.ClusterMeters.bindTo(rm.registry()); // on a cluster: its live nodes and shards
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
    Observer<org.ensemble.training.TrainingMeasure> trainingSink(String scenario, String runId, long seed, long width,
                                                        long totalSteps, double lr, double[] radiusEdges) {
        if (server == null) {
            return m -> {
            };
        }
        return new org.ensemble.metrics.TrainingMetricsListener(served(scenario, runId, seed), width, totalSteps, lr,
                radiusEdges);
    }

    /** A fresh set of meters for one coordinate-model run (implicit bias), served from now on; no-op when disabled. */
    Observer<org.ensemble.coordinates.CoordinateReport> coordinateSink(String scenario, String runId, long seed,
                                                                      int coordinates, long plannedSteps) {
        if (server == null) {
            return m -> {
            };
        }
        return new org.ensemble.metrics.CoordinateMetricsListener(served(scenario, runId, seed), coordinates,
                plannedSteps);
    }

    /** A fresh set of meters for one SGD-workers run, served from now on; no-op when disabled. */
    Observer<org.ensemble.sgd.SgdReport> sgdSink(String scenario, String runId, long seed, int workers,
                                                 long plannedVersions, long samplesPerVersion) {
        if (server == null) {
            return m -> {
            };
        }
        return new org.ensemble.metrics.SgdMetricsListener(served(scenario, runId, seed), workers, plannedVersions,
                samplesPerVersion);
    }

    /** A fresh set of meters for one graph-dynamics run, served from now on; no-op when disabled. */
    Observer<org.ensemble.graphdynamics.NodeMeasure> graphSink(String scenario, String runId, long seed, long nodes,
                                                               long edges, long plannedSteps) {
        if (server == null) {
            return m -> {
            };
        }
        return new org.ensemble.metrics.GraphMetricsListener(served(scenario, runId, seed), nodes, edges, plannedSteps);
    }

    /** Fresh meters for a run on the CPU, served from now on; the previous run's are released. */
    private RunMetrics served(String scenario, String runId, long seed) {
        String v = Main.class.getPackage().getImplementationVersion();
        RunMetrics rm = new RunMetrics(scenario, runId, "java", "cpu", seed, v == null ? "dev" : v);
        org.ensemble.cluster.ClusterMeters.bindTo(rm.registry());
        server.serve(rm.registry());
        if (current != null) {
            current.close();
        }
        current = rm;
        return rm;
    }

    void finish() {
        if (server != null) {
            double grace = graceSeconds != null ? graceSeconds : server.scrapes() > 0 ? DEFAULT_GRACE_SECONDS : 0;
            if (grace > 0 && !quiet) {
                System.err.printf("metrics: serving the final values at %s for %.0f s more (--metrics-grace 0 to"
                        + " skip)%n", server.url(), grace);
            }
            GraceWait.closeAfter(server, Duration.ofMillis((long) (grace * 1000)));
        }
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
