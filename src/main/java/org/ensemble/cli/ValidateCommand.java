package org.ensemble.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ensemble.run.RunSetup;
import org.ensemble.scenario.Scenario;
import org.ensemble.scenario.PopulationScenario;
import org.ensemble.scenario.ScenarioFiles;
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
        PopulationScenario s = ScenarioFiles.load(file, overrides);
        if (s instanceof Scenario particles) {
            RunSetup.of(particles); // locates minima and checks the step's stability
        }
        System.out.println(s.render());
        System.out.printf("# ok: %s is valid (%s)%n", file, s.sizeLine());
        return 0;
    }
}
