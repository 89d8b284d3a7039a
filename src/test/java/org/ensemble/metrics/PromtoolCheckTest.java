package org.ensemble.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code promtool check metrics} on the whole page, JVM and process meters included, with every
 * RunMetrics meter present: the lint Prometheus' own tooling applies, kept strict so a new meter
 * with a bad name fails here rather than in someone's Grafana.
 */
class PromtoolCheckTest {
    @Test
    void theWholePageLintsClean() throws Exception {
        PrometheusTools.requireBinaries();
        try (RunMetrics m = RunMetricsTest.metrics()) {
            m.plannedSteps(100);
            m.stepsCompleted(10, 0.1, 1000);
            m.activeParticles(90);
            m.shardPhase(0, "advance", 1000);
            m.shardPhase(0, "statistics", 200);
            m.merge(300);
            m.targets(List.of("left", "right"));
            m.escapes("right", 10);
            m.mfpt(30, 25, 36, 1 / 30.0);
            m.occupancy(Map.of("left", 0.8, "right", 0.1, "escaped", 0.1));
            m.moments(new double[] {0.1, 0.2}, new double[] {1, 2});
            m.histogram(0, new double[] {-2, -1, 0, 1, 2}, new long[] {1, 2, 3, 4}, 10);
            m.gauge("ensemble.risk.cvar", "CVaR of the loss at a level", "level", "0.95").accept(2.5);
            m.counter("ensemble.w2.evaluations", "W2 evaluations").accept(3);
            System.gc(); // so the GC pause timer exists too
            String page = m.registry().scrape(MetricsServer.CONTENT_TYPE);
            for (String expected : List.of("ensemble_steps_total", "jvm_memory_used_bytes", "process_cpu_usage",
                    "system_cpu_processors", "ensemble_shard_phase_seconds_count")) {
                assertTrue(page.contains(expected + "{"), expected + " missing from the page");
            }
            PrometheusTools.Lint lint = PrometheusTools.checkMetrics(page);
            assertEquals(0, lint.exit(), "promtool check metrics:\n" + lint.output());
        }
    }
}
