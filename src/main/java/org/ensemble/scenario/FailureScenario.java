package org.ensemble.scenario;

import java.nio.file.Path;
import java.util.List;
import org.ensemble.failures.FailureProblem;

/**
 * A gradient-failure study (a file with a {@code failures} section) parsed into typed values: parity at scale,
 * linear-periodic targets, or end-to-end against decomposition. Its training runs are neuron runs with
 * {@code shards} shards.
 */
public record FailureScenario(String name, Path source, long seed, int shards, FailureProblem problem,
                              String resolved) implements PopulationScenario {
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
        return String.format("%-12s study=%s  N=%d lr=%s batch=%d steps=%d", "failures", problem.key(),
                problem.network().width(), problem.network().lr(), problem.network().batch(), problem.network().steps());
    }

    @Override
    public String sizeLine() {
        return "gradient-failure study " + problem.key() + " (" + problem.network().budget()
                + " fresh samples per training run)";
    }

    @Override
    public FailureScenario withOverrides(List<String> overrides) {
        return FailureScenarioLoader.reload(this, overrides);
    }
}
