package org.ensemble.metrics;

import org.ensemble.sgd.SgdReport;
import org.ensemble.step.Observer;

/**
 * Feeds {@link RunMetrics} from an SGD-workers run: server versions, simulated time and gradient
 * evaluations as the progress meters (steps, simulated time, particle-steps), and the loss, the
 * window mean of |x − x*|² and the window's mean and largest staleness as
 * {@code ensemble_sgd_value{quantity}}.
 */
public final class SgdMetricsListener implements Observer<SgdReport> {
    private final RunMetrics metrics;
    private final long samplesPerVersion;

    public SgdMetricsListener(RunMetrics metrics, int workers, long plannedVersions, long samplesPerVersion) {
        this.metrics = metrics;
        this.samplesPerVersion = samplesPerVersion;
        metrics.plannedSteps(plannedVersions);
        metrics.activeParticles(workers);
    }

    @Override
    public void observe(SgdReport r) {
        metrics.stepsCompleted(r.version(), r.time(), r.version() * samplesPerVersion);
        value("loss", r.loss());
        value("window_squared_error", r.windowSquaredError());
        long count = 0;
        double sum = 0;
        long max = -1;
        long[] s = r.staleness();
        for (int i = 0; i + 2 < s.length; i += 3) {
            count += s[i + 2];
            sum += (double) s[i + 1] * s[i + 2];
            max = Math.max(max, s[i + 1]);
        }
        if (count > 0) {
            value("staleness_mean", sum / count);
            value("staleness_max", max);
        }
    }

    private void value(String quantity, double v) {
        if (Double.isFinite(v)) {
            metrics.gauge("ensemble.sgd.value", "Loss, distance to the optimum and staleness of an SGD-workers run",
                    "quantity", quantity).accept(v);
        }
    }
}
