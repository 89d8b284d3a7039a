package org.ensemble.observe;

import java.util.List;
import org.ensemble.langevin.Measure;

/** Extra timeseries.csv columns computed at each full report (e.g. distances to a PDE solution). */
public interface ColumnSource {
    List<String> columns();

    /** One value per column for this full measure, in column order. */
    double[] values(Measure measure);
}
