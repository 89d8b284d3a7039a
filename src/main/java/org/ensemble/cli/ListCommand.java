package org.ensemble.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ensemble.scenario.Scenario;
import org.ensemble.scenario.ScenarioException;
import org.ensemble.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "List the scenarios in a directory (default: scenarios/).")
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
                    Scenario s = ScenarioLoader.load(f, java.util.List.of());
                    System.out.printf("%-32s %-12s d=%d  N=%-8d β=%-5s dt=%-7s T=%s%n", f.getFileName(),
                            s.potential().type(), s.dimension(), s.populationSize(), s.dynamics().beta(),
                            s.dynamics().dt(), s.runTime());
                } catch (ScenarioException e) {
                    System.out.printf("%-32s INVALID: %s%n", f.getFileName(), e.getMessage());
                }
            }
        }
        return 0;
    }
}
