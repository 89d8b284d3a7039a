package org.ensemble.scenario;

import java.nio.file.Path;
import java.util.List;
import org.ensemble.graphdynamics.GraphStudyParams;

/**
 * A graph-dynamics study (a file with a {@code graph-dynamics} section) parsed into typed values;
 * {@code checkpointEvery}: time units of a leg (one engine run of the study) between checkpoints,
 * 0 for checkpoints only when stopped.
 */
public record GraphDynamicsScenario(String name, Path source, long seed, int shards, GraphStudyParams params,
                                    double checkpointEvery, String resolved) implements PopulationScenario {
    /** Without periodic checkpoints. */
    public GraphDynamicsScenario(String name, Path source, long seed, int shards, GraphStudyParams params,
                                 String resolved) {
        this(name, source, seed, shards, params, 0, resolved);
    }

    @Override
    public String render() {
        return resolved;
    }

    @Override
    public String summaryLine() {
        return String.format("%-12s %s on %s, N=%d, %d couplings, t=%g", "graph", params.rule().key(),
                params.graphs().get(0).label(), params.nodes(), params.couplings().length, params.time());
    }

    @Override
    public String sizeLine() {
        return params.nodes() + " nodes × " + params.graphs().size() + " graph(s) × " + params.couplings().length
                + " couplings, " + Math.round(params.time() / params.dt()) + " steps each";
    }

    @Override
    public GraphDynamicsScenario withOverrides(List<String> overrides) {
        return GraphDynamicsScenarioLoader.reload(this, overrides);
    }
}
