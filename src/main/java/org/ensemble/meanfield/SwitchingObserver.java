package org.ensemble.meanfield;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.langevin.Measure;
import org.ensemble.step.Observer;
import org.ensemble.observe.escape.EscapeSample;

/**
 * Switches of a finite population's mean between the two mean-field states ±m*: the collective
 * observable m_N is watched every step, with hysteresis (a switch is complete when m_N crosses
 * −threshold coming from above +threshold, or the reverse), and the waiting times between
 * switches become an escape sample (the last one censored at the end of the run) for the usual
 * escape-time statistics.
 */
public final class SwitchingObserver implements Observer<Measure> {
    private final double threshold;
    private int state;
    private double since;
    private double lastTime;
    private final List<Double> waits = new ArrayList<>();

    /** @param threshold the hysteresis level, e.g. half of m* */
    public SwitchingObserver(double threshold) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("switching threshold must be positive, got " + threshold);
        }
        this.threshold = threshold;
    }

    @Override
    public void observe(Measure m) {
        double x = m.mean()[0];
        double t = m.time();
        lastTime = t;
        if (state == 0) {
            // Wait until the population has committed to one side before timing anything.
            if (Math.abs(x) >= threshold) {
                state = x > 0 ? 1 : -1;
                since = t;
            }
            return;
        }
        if (state * x <= -threshold) {
            waits.add(t - since);
            state = -state;
            since = t;
        }
    }

    public int switches() {
        return waits.size();
    }

    /** Waiting times between switches, the last (unfinished) one censored. */
    public EscapeSample sample() {
        double[] w = waits.stream().mapToDouble(Double::doubleValue).toArray();
        if (state == 0) {
            return EscapeSample.of(w, 0, 0);
        }
        return EscapeSample.of(w, 1, Math.max(0, lastTime - since));
    }
}
