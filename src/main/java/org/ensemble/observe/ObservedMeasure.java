package org.ensemble.observe;

import java.util.List;
import org.ensemble.langevin.Measure;

/**
 * One record of a Langevin run's observed log: the measure (positions only where an extra column
 * source needs them to replay) and, at full reports, the extra columns' values as computed then, so
 * that a replay need not recompute them from every particle's position.
 */
public record ObservedMeasure(Measure measure, List<double[]> columns) {
}
