package org.ensemble.meanfield;

import java.nio.file.Path;
import java.util.Map;
import org.ensemble.observe.ColumnSource;

/** A PDE solved beside a particle run, compared at every full report (1-D exact W1/W2, 2-D sliced W2). */
public interface PdeBeside extends ColumnSource {
    /** The final comparison and PDE state, for summary.json. */
    Map<String, Object> summary();

    /** One line for the terminal. */
    String describe();

    /** W2 averaged over the second half of the run. */
    double lateW2();

    void plots(Path dir);

    /** The mean of {@code values} over the entries whose time is in the second half of {@code times}. */
    static double lateMean(java.util.List<Double> times, java.util.List<Double> values) {
        double half = times.isEmpty() ? 0 : times.get(times.size() - 1) / 2;
        double s = 0;
        int k = 0;
        for (int i = 0; i < times.size(); i++) {
            if (times.get(i) >= half) {
                s += values.get(i);
                k++;
            }
        }
        return k == 0 ? Double.NaN : s / k;
    }
}
