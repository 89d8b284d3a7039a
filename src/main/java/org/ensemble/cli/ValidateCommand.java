package org.ensemble.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ensemble.run.RunSetup;
import org.ensemble.scenario.Scenario;
import org.ensemble.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Check a scenario and print it resolved, with every default filled in.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "scenario file (HOCON)")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a scenario key, e.g. dynamics.beta=3")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        if (org.ensemble.scenario.TrainingScenarioLoader.isTraining(file)) {
            org.ensemble.scenario.TrainingScenario t = org.ensemble.scenario.TrainingScenarioLoader.load(file,
                    overrides);
            System.out.println(t.resolved());
            System.out.printf("# ok: %s is valid (%d steps of lr = %s, %d neurons, %s)%n", file, t.steps(),
                    t.rule().lr(), t.network().width(), t.data().describe());
            return 0;
        }
        Scenario s = ScenarioLoader.load(file, overrides);
        RunSetup.of(s);
        System.out.println(s.resolved());
        System.out.printf("# ok: %s is valid (%d steps of dt = %s, %d particles)%n", file, s.totalSteps(),
                s.dynamics().dt(), s.populationSize());
        return 0;
    }
}
