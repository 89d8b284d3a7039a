package org.ensemble.scenario;

import java.nio.file.Path;
import java.util.List;
import org.ensemble.failures.linear.LinearFailureProblem;

/**
 * A study of where gradient methods on linear models fail (a file with a {@code linear-failures}
 * section): the Hadamard problem, flat activations or piecewise-linear curves.
 *
 * @param execution {@code engine}: the models run on the step protocol's actors with
 *                  {@code shards} shards; {@code in-process}: the same shard models and reducer in a
 *                  loop on one thread (identical bytes)
 */
public record LinearFailuresScenario(String name, Path source, long seed, int shards, String execution,
                                     LinearFailureProblem problem, String resolved) implements PopulationScenario {
    @Override
    public double checkpointEvery() {
        return 0;
    }

    @Override
    public String render() {
        return resolved;
    }

    @Override
    public String summaryLine() {
        return String.format("%-12s study=%s  %s", "linear-failures", problem.key(), execution);
    }

    @Override
    public String sizeLine() {
        return "linear-failures study " + problem.key() + " (" + execution + ")";
    }

    @Override
    public LinearFailuresScenario withOverrides(List<String> overrides) {
        return LinearFailuresScenarioLoader.reload(this, overrides);
    }
}
