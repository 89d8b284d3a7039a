package org.ensemble.observe;

import java.util.List;
import org.ensemble.langevin.Measure;

/** Extra timeseries.csv columns computed at each full report (e.g. distances to a PDE solution). */
public interface ColumnSource {
    List<String> columns();

    /** One value per column for this full measure, in column order. */
    double[] values(Measure measure);

    /**
     * A resumed run's replay of a report this source computed before: rebuild its state from the
     * {@code values} it returned then (the measure's positions are there only where
     * {@link #keepsPositions} said so). By default: compute again.
     */
    default void replay(Measure measure, double[] values) {
        values(measure);
    }

    /** Whether the report just computed must keep its positions in the observed log for {@link #replay}. */
    default boolean keepsPositions() {
        return true;
    }
}
