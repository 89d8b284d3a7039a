package org.ensemble.scenario;

import java.nio.file.Path;

/**
 * What every kind of scenario has (the shared header and a resolved rendering), so that the CLI
 * lists, validates and sweeps any kind through one dispatch ({@link ScenarioFiles}).
 */
public sealed interface PopulationScenario permits Scenario, TrainingScenario, SgdScenario,
        SplittingScenario, ImplicitBiasScenario, FailureScenario, LinearFailuresScenario, GnnScenario,
        GraphDynamicsScenario {
    String name();

    Path source();

    long seed();

    int shards();

    /** Time between checkpoints (simulated time, or t = steps·ε for training); 0: only when stopped. */
    double checkpointEvery();

    /** The scenario resolved, every default filled in, as HOCON text. */
    String render();

    /** One line for {@code ensemble list}: what is simulated, how large, how long. */
    String summaryLine();

    /** One line for {@code ensemble validate}, after "is valid". */
    String sizeLine();

    /** This scenario with further {@code key.path=value} overrides, validated like the original. */
    PopulationScenario withOverrides(java.util.List<String> overrides);
}
