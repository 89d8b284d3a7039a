package org.ensemble.scenario;

import java.nio.file.Path;
import java.util.List;
import org.ensemble.implicitbias.BiasProblem;

/**
 * An implicit-bias study (a file with an {@code implicit-bias} section) parsed into typed values.
 *
 * @param execution {@code engine}: coordinate models run on the step protocol's actors with
 *                  {@code shards} shards; {@code in-process}: the same shard models and reducer in a
 *                  loop on one thread (identical bytes; for the studies with very many short steps)
 */
public record ImplicitBiasScenario(String name, Path source, long seed, int shards, String execution,
                                   BiasProblem problem, String resolved) implements PopulationScenario {
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
        return String.format("%-12s problem=%s  %s", "implicit-bias", problem.key(), execution);
    }

    @Override
    public String sizeLine() {
        return "implicit-bias study " + problem.key() + " (" + execution + ")";
    }

    @Override
    public ImplicitBiasScenario withOverrides(List<String> overrides) {
        return ImplicitBiasScenarioLoader.reload(this, overrides);
    }
}
