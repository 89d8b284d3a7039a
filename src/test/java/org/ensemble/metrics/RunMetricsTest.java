package org.ensemble.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
    static RunMetrics metrics() {
        return new RunMetrics("s", "r1", "java", "cpu", 7, "dev");
    }

    static long count(RunMetrics m, String name) {
        return m.meters().stream().filter(x -> x.getId().getName().equals(name)).count();
    }

    static double gauge(RunMetrics m, String name, String... tags) {
        return m.registry().get(name).tags(tags).gauge().value();
    }

    @Test
    void everyEnsembleTagIsFromTheBoundedSet() {
        try (RunMetrics m = metrics()) {
            m.stepsCompleted(10, 0.1, 1000);
            m.shardPhase(0, "advance", 1000);
            m.shardPhase(1, "statistics", 1000);
            m.merge(500);
            m.escapes("right", 1);
            m.mfpt(1, 0.5, 2, 1);
            m.occupancy(Map.of("left", 0.5, "escaped", 0.5));
            m.moments(new double[] {0, 1}, new double[] {1, 2});
            m.histogram(0, new double[] {-1, 0, 1}, new long[] {3, 4});
            Set<String> allowed = Set.of("scenario", "run_id", "backend", "shard", "phase", "target", "basin", "axis",
                    "bin", "bound", "device", "seed", "version");
            for (Meter x : m.meters()) {
                if (x.getId().getName().startsWith("ensemble.")) {
                    x.getId().getTags().forEach(t -> assertTrue(allowed.contains(t.getKey()),
                            x.getId() + " has an unexpected tag " + t));
                }
                // Common tags on every meter, JVM ones included (one Prometheus, several runs).
                assertTrue(x.getId().getTag("run_id") != null && x.getId().getTag("scenario") != null
                        && x.getId().getTag("backend") != null, x.getId().toString());
            }
        }
    }

    @Test
    void histogramBinsAreMergedDownToTheExportBound() {
        try (RunMetrics m = metrics()) {
            long[] counts = new long[1000];
            counts[500] = 10;
            double[] edges = new double[1001];
            for (int i = 0; i <= 1000; i++) {
                edges[i] = -2 + 4.0 * i / 1000;
            }
            m.histogram(0, edges, counts);
            assertEquals(RunMetrics.MAX_EXPORTED_BINS, count(m, "ensemble.measure.density"));
            // Bins of width 0.04; the particles sit in [0, 0.004): the merged bin [0, 0.04) centred at 0.02.
            assertEquals(1 / 0.04, gauge(m, "ensemble.measure.density", "axis", "0", "bin", "0.02"), 1e-9);
            // Axes past the bound are not exported at all.
            m.histogram(RunMetrics.MAX_HISTOGRAM_AXES, edges, counts);
            assertEquals(RunMetrics.MAX_EXPORTED_BINS, count(m, "ensemble.measure.density"));
        }
    }

    @Test
    void newEdgesReplaceTheOldBinsInsteadOfAddingSeries() {
        try (RunMetrics m = metrics()) {
            for (int shift = 0; shift < 50; shift++) {
                double[] edges = new double[21];
                for (int i = 0; i <= 20; i++) {
                    edges[i] = shift * 0.37 + i * 0.1; // an adaptive range moving every report
                }
                m.histogram(0, edges, new long[20], 100);
                m.histogram(1, edges, new long[20], 100);
            }
            assertEquals(40, count(m, "ensemble.measure.density"));
        }
    }

    @Test
    void densityIntegratesToTheFractionInRange() {
        try (RunMetrics m = metrics()) {
            m.histogram(0, new double[] {0, 0.5, 2}, new long[] {10, 30}, 80);
            assertEquals(10 / (80 * 0.5), gauge(m, "ensemble.measure.density", "axis", "0", "bin", "0.25"), 1e-12);
            assertEquals(30 / (80 * 1.5), gauge(m, "ensemble.measure.density", "axis", "0", "bin", "1.25"), 1e-12);
            m.histogram(0, new double[] {0, 0.5, 2}, new long[] {10, 30});
            assertEquals(10 / (40 * 0.5), gauge(m, "ensemble.measure.density", "axis", "0", "bin", "0.25"), 1e-12);
        }
    }

    @Test
    void binLabelsAreShortAndDistinct() {
        assertArrayEquals(new String[] {"-1.02", "0", "0.5", "1234"}, RunMetrics.binLabels(
                new double[] {-1.02, -0.0, 0.5, 1234.4}));
        String[] close = RunMetrics.binLabels(new double[] {1000.01, 1000.02});
        assertEquals(Set.of("1000.01", "1000.02"), Set.of(close));
    }

    @Test
    void badHistogramsAreRejected() {
        try (RunMetrics m = metrics()) {
            assertThrows(IllegalArgumentException.class, () -> m.histogram(0, new double[] {0, 1}, new long[2]));
            assertThrows(IllegalArgumentException.class, () -> m.histogram(0, new double[] {1, 0}, new long[1]));
            assertThrows(IllegalArgumentException.class,
                    () -> m.histogram(0, new double[] {0, Double.POSITIVE_INFINITY}, new long[1]));
        }
    }

    @Test
    void everyMeterNameHasASeriesBudget() {
        try (RunMetrics m = metrics()) {
            // A target name that is really an id would be unbounded: the budget caps it.
            for (int i = 0; i < RunMetrics.MAX_SERIES_PER_METER + 100; i++) {
                m.escapes("particle-" + i, 1);
            }
            assertEquals(RunMetrics.MAX_SERIES_PER_METER, count(m, "ensemble.escapes"));
            DoubleConsumer g = m.gauge("ensemble.risk.cvar", "CVaR of the loss", "level", "0.95");
            g.accept(3.5);
            assertEquals(3.5, gauge(m, "ensemble.risk.cvar", "level", "0.95"));
        }
    }

    @Test
    void hooksRefuseNamesAndTagsThatBreakTheConventions() {
        try (RunMetrics m = metrics()) {
            assertThrows(IllegalArgumentException.class, () -> m.gauge("risk.cvar", "x"));
            assertThrows(IllegalArgumentException.class, () -> m.gauge("ensemble.riskCvar", "x"));
            assertThrows(IllegalArgumentException.class, () -> m.gauge("ensemble.w2", "x", "axis"));
            assertThrows(IllegalArgumentException.class, () -> m.gauge("ensemble.w2", "x", "run_id", "other"));
            assertThrows(IllegalArgumentException.class, () -> m.counter("ensemble.things", "x").accept(-1));
            assertThrows(IllegalArgumentException.class, () -> m.shardPhase(-1, "advance", 1));
            assertThrows(IllegalArgumentException.class, () -> m.shardPhase(0, "Advance Phase", 1));
            assertThrows(IllegalArgumentException.class, () -> m.escapes("right", -1));
        }
    }

    @Test
    void progressTakesTotalsSoRepeatsDoNotCountTwice() {
        try (RunMetrics m = metrics()) {
            m.plannedSteps(200);
            m.stepsCompleted(50, 0.5, 5000);
            m.stepsCompleted(100, 1.0, 10000);
            m.stepsCompleted(100, 1.0, 10000);
            m.stepsCompleted(90, 0.9, 9000); // late report from an earlier step: ignored by the counters
            assertEquals(100, m.registry().get("ensemble.steps").counter().count());
            assertEquals(10000, m.registry().get("ensemble.particle.steps").counter().count());
            assertEquals(0.5, gauge(m, "ensemble.progress.ratio"));
            assertEquals(0.9, gauge(m, "ensemble.simulated.time"), "the time is a gauge: the last report's");
            assertTrue(gauge(m, "ensemble.particle.steps.rate") > 0);
            assertEquals(4, m.reports());
        }
    }

    @Test
    void concurrentCallersLoseNothing() throws Exception {
        try (RunMetrics m = metrics()) {
            m.targets(List.of("left", "right"));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int shard = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        m.escapes(i % 2 == 0 ? "left" : "right", 1);
                        m.shardPhase(shard, "advance", 100);
                        m.stepsCompleted(i, i * 0.01, i * 10L);
                        m.histogram(0, new double[] {0, 1, 2}, new long[] {i, 1});
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            double escapes = m.meters().stream().filter(x -> x.getId().getName().equals("ensemble.escapes"))
                    .mapToDouble(x -> ((Counter) x).count()).sum();
            assertEquals(80_000, escapes);
            assertEquals(19_999, m.registry().get("ensemble.steps").counter().count());
            assertEquals(4 * 20_000, m.registry().get("ensemble.shard.phase").timers().stream()
                    .mapToLong(x -> x.count()).sum());
            assertEquals(2, count(m, "ensemble.measure.density"));
        }
    }

    @Test
    void runInfoCarriesTheRunsIdentity() {
        try (RunMetrics m = metrics()) {
            Gauge info = m.registry().get("ensemble.run.info").tags("seed", "7", "device", "cpu", "version", "dev")
                    .gauge();
            assertEquals(1.0, info.value());
        }
    }
}
