package org.ensemble.metrics;

import org.ensemble.coordinates.CoordinateReport;
import org.ensemble.step.Observer;

/**
 * Feeds {@link RunMetrics} from a coordinate model's reports (the implicit-bias studies): steps and
 * coordinate-steps as the progress meters, the mean loss and ‖w‖ as
 * {@code ensemble_implicit_bias_value{quantity}}.
 */
public final class CoordinateMetricsListener implements Observer<CoordinateReport> {
    private final RunMetrics metrics;
    private final int coordinates;

    public CoordinateMetricsListener(RunMetrics metrics, int coordinates, long plannedSteps) {
        this.metrics = metrics;
        this.coordinates = coordinates;
        metrics.plannedSteps(plannedSteps);
        metrics.activeParticles(coordinates);
    }

    @Override
    public void observe(CoordinateReport r) {
        metrics.stepsCompleted(r.step(), r.step(), r.step() * coordinates);
        value("loss", r.loss());
        double s = 0;
        for (double w : r.weights()) {
            s += w * w;
        }
        value("norm_w", Math.sqrt(s));
    }

    private void value(String quantity, double v) {
        if (Double.isFinite(v)) {
            metrics.gauge("ensemble.implicit_bias.value", "Loss and weight norm of an implicit-bias run", "quantity",
                    quantity).accept(v);
        }
    }
}
