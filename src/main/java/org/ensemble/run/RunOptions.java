package org.ensemble.run;

import java.nio.file.Path;
import org.ensemble.engine.RunListener;

/**
 * How to run a scenario: where outputs go, whether to print progress, whether to draw plots, and
 * an extra listener (live metrics) that sees every measure.
 */
public record RunOptions(Path out, boolean quiet, boolean plots, RunListener extra) {
    public static RunOptions to(Path out) {
        return new RunOptions(out, false, true, m -> {
        });
    }
}
