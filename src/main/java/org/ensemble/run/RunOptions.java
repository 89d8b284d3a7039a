package org.ensemble.run;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.ensemble.checkpoint.Checkpoint;
import org.ensemble.langevin.Measure;
import org.ensemble.step.Observer;

/**
 * How to run a scenario: where outputs go, whether to print progress, whether to draw plots, and
 * extra sinks (live metrics) made once the backend is known, seeing every measure, and optionally
 * where the outputs will finally be (for messages); {@code resume}, when not null, is the checkpoint
 * of {@code out} to continue from.
 */
public record RunOptions(Path out, boolean quiet, boolean plots, Function<RunContext, Observer<Measure>> extra,
                         Path shownAs, BooleanSupplier stop, Checkpoint resume) {
    public RunOptions(Path out, boolean quiet, boolean plots, Function<RunContext, Observer<Measure>> extra,
                      Path shownAs, BooleanSupplier stop) {
        this(out, quiet, plots, extra, shownAs, stop, null);
    }

    public RunOptions(Path out, boolean quiet, boolean plots, Function<RunContext, Observer<Measure>> extra) {
        this(out, quiet, plots, extra, null, () -> false);
    }

    public RunOptions(Path out, boolean quiet, boolean plots, Function<RunContext, Observer<Measure>> extra,
                      Path shownAs) {
        this(out, quiet, plots, extra, shownAs, () -> false);
    }

    /** Where to tell the user the outputs are (a sweep's runs are staged inside the sweep's directory). */
    public Path displayed(Path actual) {
        return shownAs == null ? actual : shownAs;
    }

    public static RunOptions to(Path out) {
        return new RunOptions(out, false, true, c -> m -> {
        });
    }
}
