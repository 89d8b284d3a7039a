package org.ensemble.graphdynamics;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.observe.TimeAverage;
import org.ensemble.step.Observer;

/**
 * Records r, ψ, the mean and the variance (consensus error) at every measure it is shown, and gives
 * the time average of r after a relaxation time with its standard error from the integrated
 * autocorrelation time ({@link TimeAverage}).
 */
public final class OrderParameterSeries implements Observer<NodeMeasure> {
    /** The column of |mean| (the magnetisation of a symmetric-broken Langevin run). */
    public static final int ABS_MEAN = 6;
    private final List<double[]> rows = new ArrayList<>();

    @Override
    public void observe(NodeMeasure m) {
        rows.add(new double[] {m.step(), m.time(), m.r(), m.psi(), m.mean(), m.variance(), Math.abs(m.mean())});
    }

    /** Rows (step, t, r, ψ, mean, variance, |mean|) in step order. */
    public List<double[]> rows() {
        return rows;
    }

    public double[] column(int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }

    /** The time average of r over t ≥ from (column 2), SE from the autocorrelation time. */
    public TimeAverage averageFrom(double from) {
        return averageFrom(from, 2);
    }

    public TimeAverage averageFrom(double from, int column) {
        List<Double> v = new ArrayList<>();
        for (double[] r : rows) {
            if (r[1] >= from) {
                v.add(r[column]);
            }
        }
        return TimeAverage.of(v);
    }
}
