package org.ensemble.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ensemble.coordinates.CoordinateReport;
import org.junit.jupiter.api.Test;

class CoordinateMetricsListenerTest {
    @Test
    void reportsBecomeLossNormAndProgress() {
        try (RunMetrics m = RunMetricsTest.metrics()) {
            CoordinateMetricsListener l = new CoordinateMetricsListener(m, 3, 100);
            l.observe(new CoordinateReport(25, 0.125, new double[] {3, 0, -4}, new double[] {1}));
            assertEquals(0.125, RunMetricsTest.gauge(m, "ensemble.implicit_bias.value", "quantity", "loss"), 0);
            assertEquals(5, RunMetricsTest.gauge(m, "ensemble.implicit_bias.value", "quantity", "norm_w"), 0);
            assertEquals(0.25, m.registry().get("ensemble.progress.ratio").gauge().value(), 0);
        }
    }
}
