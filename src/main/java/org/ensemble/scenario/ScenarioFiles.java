package org.ensemble.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * Loads a scenario file of any kind: a file with a {@code network} section is a training scenario, one
 * with a {@code workers} section an SGD-workers scenario, one with a {@code splitting} section a
 * rare-escape (AMS) scenario, one with an {@code implicit-bias} section an implicit-bias study, one with a {@code failures}
 * section a gradient-failure study on networks, one with a {@code linear-failures} section a study of gradient
 * failures on linear models,
 * one with a {@code gnn} section a GNN study,
 * one with a {@code graph-dynamics} section a study of noisy dynamics on a graph.
 */
public final class ScenarioFiles {
    private ScenarioFiles() {
    }

    public static PopulationScenario load(Path file, List<String> overrides) {
        if (SgdScenarioLoader.isSgd(file)) {
            return SgdScenarioLoader.load(file, overrides);
        }
        if (SplittingScenarioLoader.isSplitting(file)) {
            return SplittingScenarioLoader.load(file, overrides);
        }
        if (GnnScenarioLoader.isGnn(file)) {
            return GnnScenarioLoader.load(file, overrides);
        }
        if (ImplicitBiasScenarioLoader.isImplicitBias(file)) {
            return ImplicitBiasScenarioLoader.load(file, overrides);
        }
        if (FailureScenarioLoader.isFailure(file)) {
            return FailureScenarioLoader.load(file, overrides);
        }
        if (LinearFailuresScenarioLoader.isLinearFailures(file)) {
            return LinearFailuresScenarioLoader.load(file, overrides);
        }
        if (GraphDynamicsScenarioLoader.isGraphDynamics(file)) {
            return GraphDynamicsScenarioLoader.load(file, overrides);
        }
        return TrainingScenarioLoader.isTraining(file) ? TrainingScenarioLoader.load(file, overrides)
                : ScenarioLoader.load(file, overrides);
    }
}
