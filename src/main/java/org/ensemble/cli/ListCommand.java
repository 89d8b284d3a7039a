package org.ensemble.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ensemble.scenario.PopulationScenario;
import org.ensemble.scenario.ScenarioException;
import org.ensemble.scenario.ScenarioFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "List the scenarios of every kind in a directory (default: scenarios/).")
final class ListCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "directory of .conf files"
            + " (default: scenarios)")
    Path dir = Path.of("scenarios");

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".conf")).sorted()::iterator) {
                try {
                    PopulationScenario s = ScenarioFiles.load(f, List.of());
                    System.out.printf("%-34s %s%n", f.getFileName(), s.summaryLine());
                } catch (ScenarioException | IllegalArgumentException e) {
                    System.out.printf("%-34s INVALID: %s%n", f.getFileName(), e.getMessage());
                }
            }
        }
        return 0;
    }
}
