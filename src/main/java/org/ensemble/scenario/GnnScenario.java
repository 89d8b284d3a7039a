package org.ensemble.scenario;

import java.nio.file.Path;
import java.util.List;
import org.ensemble.gnn.GnnStudyParams;

/**
 * A GNN study (a file with a {@code gnn} section) parsed into typed values.
 *
 * @param execution   {@code engine}: forward passes run as populations of graph nodes on the step
 *                    protocol's actors; {@code in-process}: the same shard models and reducer in a
 *                    loop; {@code plain}: the layer stack directly (all three give identical bytes)
 * @param granularity {@code block} (shards own node blocks) or {@code node} (one actor per node)
 */
public record GnnScenario(String name, Path source, long seed, int shards, String execution, String granularity,
                          int blockSize, GnnStudyParams study, String resolved) implements PopulationScenario {
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
        return String.format("%-12s study=%s  %s", "gnn", study.key(), execution);
    }

    @Override
    public String sizeLine() {
        return "GNN study " + study.key() + " (" + execution + ", granularity " + granularity + ")";
    }

    @Override
    public GnnScenario withOverrides(List<String> overrides) {
        return GnnScenarioLoader.reload(this, overrides);
    }
}
