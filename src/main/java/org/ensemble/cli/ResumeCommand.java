package org.ensemble.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ensemble.checkpoint.Checkpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "resume", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Continue an interrupted or killed run from its last checkpoint, with its own scenario.conf;"
                + " the outputs are identical to those of a run that was never stopped.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "the run's output directory (its --out)")
    Path dir;

    @picocli.CommandLine.Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Option(names = "--no-plots", description = "skip the PNG/SVG plots")
    boolean noPlots;

    @Override
    public Integer call() {
        RunCommand run = new RunCommand();
        run.file = Checkpoint.locate(dir).resolve("scenario.conf");
        run.resume = dir;
        run.metrics = metrics;
        run.quiet = quiet;
        run.noPlots = noPlots;
        return run.call();
    }
}
