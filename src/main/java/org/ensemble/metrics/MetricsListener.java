package org.ensemble.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.langevin.EscapeEvent;
import org.ensemble.langevin.Measure;
import org.ensemble.langevin.ObservationSpec;
import org.ensemble.observe.ReportValues;
import org.ensemble.step.Observer;
import org.ensemble.step.PhaseTimings;
import org.ensemble.langevin.StatisticsLevel;

/**
 * Feeds {@link RunMetrics} from the coordinator's measures: progress and throughput, escapes per
 * target, a live MFPT (exponential maximum likelihood: escapes / time at risk, CI from
 * k̂·e^{±1.96/√escapes}; the final report uses the better estimator), occupancy, moments and the
 * histogram.
 */
public final class MetricsListener implements Observer<Measure>, PhaseTimings, ReportValues {
    private final RunMetrics metrics;
    private final ObservationSpec spec;
    private final long particles;
    private final double dt;
    private long lastStep;
    private long lastActive;
    private long particleSteps;
    private long escaped;
    private double escapeTimeSum;

    public MetricsListener(RunMetrics metrics, ObservationSpec spec, long particles, long totalSteps, double dt) {
        this.metrics = metrics;
        this.spec = spec;
        this.particles = particles;
        this.dt = dt;
        this.lastActive = particles;
        metrics.plannedSteps(totalSteps);
        metrics.targets(spec.targetNames());
        metrics.activeParticles(particles);
    }

    @Override
    public void observe(Measure m) {
        long chunk = m.step() - lastStep;
        long active = spec.absorbing() ? m.measured() : particles;
        // Particles absorbed during the phase stopped part-way: count them half.
        particleSteps += chunk * (lastActive + active) / 2;
        lastStep = m.step();
        lastActive = active;
        metrics.stepsCompleted(m.step(), m.time(), particleSteps);
        metrics.activeParticles(active);
        List<EscapeEvent> events = m.events();
        if (!events.isEmpty()) {
            long[] perTarget = new long[spec.targetNames().size()];
            for (EscapeEvent e : events) {
                perTarget[e.target()]++;
                escapeTimeSum += e.step() * dt;
            }
            for (int t = 0; t < perTarget.length; t++) {
                if (perTarget[t] > 0) {
                    metrics.escapes(spec.targetNames().get(t), perTarget[t]);
                }
            }
            escaped += events.size();
        }
        if (escaped > 0) {
            double exposure = escapeTimeSum + (particles - escaped) * m.time();
            double rate = escaped / exposure;
            double spread = Math.exp(1.96 / Math.sqrt(escaped));
            metrics.mfpt(1 / rate, 1 / (rate * spread), spread / rate, rate);
        }
        if (m.level() != StatisticsLevel.FULL || m.diverged()) {
            return;
        }
        double[] var = new double[m.dimension()];
        for (int c = 0; c < var.length; c++) {
            var[c] = m.variance(c);
        }
        metrics.moments(m.mean(), var);
        if (m.occupancy() != null) {
            Map<String, Double> occ = new LinkedHashMap<>();
            for (int k = 0; k < m.occupancy().length; k++) {
                occ.put(spec.minimumNames().get(k), m.occupancy()[k]);
            }
            occ.put("escaped", particles == 0 ? 0 : (double) m.reachedTotal() / particles);
            metrics.occupancy(occ);
        }
        if (m.histogram() != null) {
            for (int c = 0; c < Math.min(RunMetrics.MAX_HISTOGRAM_AXES, m.dimension()); c++) {
                metrics.histogram(c, edges(spec.low()[c], spec.high()[c], m.histogram()[c].length),
                        m.histogram()[c], particles);
            }
        }
    }

    /** Equal-width bin edges of the observation grid. */
    private static double[] edges(double low, double high, int bins) {
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = low + (high - low) * i / bins;
        }
        return e;
    }

    @Override
    public void onShardPhase(int shard, long advanceNanos, long statisticsNanos) {
        metrics.shardPhase(shard, "advance", advanceNanos);
        metrics.shardPhase(shard, "statistics", statisticsNanos);
    }

    /** PDE comparisons and the like: one gauge per column, tagged with its (bounded) name. */
    @Override
    public void onReportValues(List<String> names, double[] values) {
        for (int i = 0; i < names.size(); i++) {
            metrics.gauge("ensemble.meanfield.value", "Mean-field quantities beside the particles (W1/W2 or sliced W2"
                    + " to the PDE, free energies, PDE moments)", "quantity", names.get(i)).accept(values[i]);
        }
    }

    @Override
    public void onMerge(long nanos) {
        metrics.merge(nanos);
    }
}
