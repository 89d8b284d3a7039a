package org.ensemble.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A stand-in for a run, updating {@link RunMetrics} from a background thread the way the
 * coordinator does (every report: progress, shard phases, merge, escapes, live MFPT, occupancy,
 * moments, histogram, mean-field values beside a PDE): particles in a double well leave through "left" or "right" at a fixed
 * rate, and the cloud's density relaxes from one well towards both. The numbers are plausible,
 * not a simulation; what matters is that every meter the dashboards query moves.
 */
final class SyntheticRunDriver implements RunDriver {
    static final String RUN_ID = "e2e-synthetic";
    static final long PARTICLES = 100_000;
    static final int SHARDS = 2;
    static final double DT = 0.01;
    static final double ESCAPE_RATE = 0.05;

    private final Duration length;
    private RunMetrics metrics;
    private MetricsServer server;
    private Thread thread;
    private volatile boolean finished;
    private volatile boolean stop;

    SyntheticRunDriver(Duration length) {
        this.length = length;
    }

    @Override
    public String name() {
        return "synthetic run";
    }

    @Override
    public Set<String> dashboards() {
        return Set.of("ensemble-overview", "ensemble-escape", "ensemble-meanfield");
    }

    @Override
    public int start() {
        metrics = new RunMetrics("synthetic-double-well", RUN_ID, "java", "cpu", 42, "test");
        server = MetricsServer.start("127.0.0.1", 0, metrics.registry());
        thread = new Thread(this::drive, "synthetic-run");
        thread.setDaemon(true);
        thread.start();
        return server.port();
    }

    private void drive() {
        SplittableRandom rng = new SplittableRandom(42);
        long stepsPerReport = 10;
        long reports = length.toMillis() / 50;
        metrics.plannedSteps(reports * stepsPerReport);
        metrics.targets(List.of("left", "right"));
        long escaped = 0;
        long particleSteps = 0;
        double escapeTimeSum = 0;
        double[] edges = new double[41];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = -2 + 4.0 * i / (edges.length - 1);
        }
        for (long r = 1; r <= reports && !stop; r++) {
            long step = r * stepsPerReport;
            double time = step * DT;
            long active = PARTICLES - escaped;
            particleSteps += stepsPerReport * active;
            metrics.stepsCompleted(step, time, particleSteps);
            for (int s = 0; s < SHARDS; s++) {
                metrics.shardPhase(s, "advance", 200_000 + rng.nextInt(50_000));
                metrics.shardPhase(s, "statistics", 20_000 + rng.nextInt(5_000));
            }
            metrics.merge(5_000 + rng.nextInt(1_000));

            // Expected escapes in this report, with a little noise.
            double expected = active * -Math.expm1(-ESCAPE_RATE * stepsPerReport * DT);
            long fresh = Math.max(0, Math.round(expected + Math.sqrt(expected) * rng.nextDouble(-1, 1)));
            long left = fresh / 2;
            metrics.escapes("left", left);
            metrics.escapes("right", fresh - left);
            escaped += fresh;
            escapeTimeSum += fresh * time;
            metrics.activeParticles(PARTICLES - escaped);
            if (escaped > 0) {
                // Exponential maximum likelihood, as MetricsListener estimates it.
                double k = escaped / (escapeTimeSum + (PARTICLES - escaped) * time);
                double spread = Math.exp(1.96 / Math.sqrt(escaped));
                metrics.mfpt(1 / k, 1 / (k * spread), spread / k, k);
            }

            double relaxed = -Math.expm1(-time / 2); // 0 → 1: from the left well to both
            double inLeft = (1 - relaxed / 2) * (1 - (double) escaped / PARTICLES);
            double inRight = (relaxed / 2) * (1 - (double) escaped / PARTICLES);
            metrics.occupancy(Map.of("left", inLeft, "right", inRight, "escaped", (double) escaped / PARTICLES));
            double mean = -1 + relaxed;
            metrics.moments(new double[] {mean, 0}, new double[] {0.1 + relaxed * (1 - relaxed / 4), 0.1});
            long[] counts = new long[edges.length - 1];
            for (int b = 0; b < counts.length; b++) {
                double x = 0.5 * (edges[b] + edges[b + 1]);
                double density = (1 - relaxed / 2) * Math.exp(-(x + 1) * (x + 1) / 0.2)
                        + (relaxed / 2) * Math.exp(-(x - 1) * (x - 1) / 0.2);
                counts[b] = Math.round(density * (PARTICLES - escaped) / 8);
            }
            metrics.histogram(0, edges, counts, PARTICLES);
            // What MetricsListener.onReportValues passes on for a run with its PDE beside it.
            String help = "Mean-field quantities beside the particles";
            double w2 = 0.02 + 0.3 * Math.exp(-time) + 0.005 * rng.nextDouble();
            metrics.gauge("ensemble.meanfield.value", help, "quantity", "w2_pde").accept(w2);
            metrics.gauge("ensemble.meanfield.value", help, "quantity", "pde_free_energy").accept(-1 - relaxed);
            metrics.gauge("ensemble.meanfield.value", help, "quantity", "particles_free_energy")
                    .accept(-1 - relaxed + 0.01 * rng.nextDouble());
            metrics.gauge("ensemble.meanfield.value", help, "quantity", "pde_mean_0").accept(mean);
            metrics.gauge("ensemble.meanfield.value", help, "quantity", "pde_mass").accept(1 + 1e-9 * rng.nextDouble());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
        finished = true;
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        if (thread != null) {
            thread.interrupt();
            thread.join(10_000);
        }
        if (server != null) {
            server.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }
}
