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
}
