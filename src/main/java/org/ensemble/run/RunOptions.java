package org.ensemble.run;

import java.nio.file.Path;
import java.util.function.Function;
import org.ensemble.engine.RunListener;

/**
 * How to run a scenario: where outputs go, whether to print progress, whether to draw plots, and
 * extra sinks (live metrics) made once the backend is known, seeing every measure.
 */
public record RunOptions(Path out, boolean quiet, boolean plots, Function<RunContext, RunListener> extra) {
    public static RunOptions to(Path out) {
        return new RunOptions(out, false, true, c -> m -> {
        });
    }
}
