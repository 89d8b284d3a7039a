package org.ensemble.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * Loads a scenario file of any kind: a file with an {@code implicit-bias} section is an implicit-bias
 * study, one with a {@code network} section a training scenario.
 */
public final class ScenarioFiles {
    private ScenarioFiles() {
    }

    public static PopulationScenario load(Path file, List<String> overrides) {
        if (ImplicitBiasScenarioLoader.isImplicitBias(file)) {
            return ImplicitBiasScenarioLoader.load(file, overrides);
        }
        return TrainingScenarioLoader.isTraining(file) ? TrainingScenarioLoader.load(file, overrides)
                : ScenarioLoader.load(file, overrides);
    }
}
