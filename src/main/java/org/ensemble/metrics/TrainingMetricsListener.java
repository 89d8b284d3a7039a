package org.ensemble.metrics;

import org.ensemble.training.RunningLoss;
import org.ensemble.training.TrainingObserver;
import org.ensemble.training.TrainingReport;

/**
 * Feeds {@link RunMetrics} from a training run: steps, mean-field time and neuron-steps as the
 * engine's progress meters, the running batch loss, the held-out risk and the mean radius as
 * {@code ensemble_training_value{quantity}}, and the radius histogram as the density heat map
 * (axis 0). Reported values beside a run (the reduced ODE's risk, W2) go through {@link #values}.
 */
public final class TrainingMetricsListener implements TrainingObserver {
    private final RunMetrics metrics;
    private final long width;
    private final double lr;
    private final double[] edges;

    public TrainingMetricsListener(RunMetrics metrics, long width, long totalSteps, double lr, double[] edges) {
        this.metrics = metrics;
        this.width = width;
        this.lr = lr;
        this.edges = edges.clone();
        metrics.plannedSteps(totalSteps);
        metrics.activeParticles(width);
    }

    @Override
    public void onRunningLoss(RunningLoss l) {
        long step = l.step();
        double runningLoss = l.loss();
        metrics.stepsCompleted(step, step * lr, step * width);
        value("running_loss", runningLoss);
    }

    @Override
    public void onReport(TrainingReport r) {
        metrics.stepsCompleted(r.step(), r.time(), r.step() * width);
        value("train_risk", r.trainRisk());
        value("test_risk", r.testRisk());
        double m = 0;
        for (double x : r.radii()) {
            m += x;
        }
        value("mean_radius", m / r.radii().length);
        long[] counts = new long[edges.length - 1];
        for (double x : r.radii()) {
            int b = (int) Math.floor((x - edges[0]) / (edges[edges.length - 1] - edges[0]) * counts.length);
            if (b >= 0 && b < counts.length) {
                counts[b]++;
            }
        }
        metrics.histogram(0, edges, counts, width);
    }

    /** A value computed beside a report (bounded names: ode_risk, w2_radius, free_energy, ...). */
    public void value(String quantity, double v) {
        if (Double.isFinite(v)) {
            metrics.gauge("ensemble.training.value", "Risks and distances of a training run (train, held-out,"
                    + " reduced ODE, W2 of radius laws, free energy)", "quantity", quantity).accept(v);
        }
    }
}
