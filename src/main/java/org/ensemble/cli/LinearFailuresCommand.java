package org.ensemble.cli;

import java.nio.file.Path;
import java.util.List;
import org.ensemble.failures.linear.LinearFailureStudies;
import org.ensemble.implicitbias.StudyResult;
import org.ensemble.output.RunDirectory;
import org.ensemble.scenario.LinearFailuresScenario;
import org.ensemble.scenario.LinearFailuresScenarioLoader;
import org.ensemble.step.StopRequest;

/**
 * {@code ensemble run} for linear-failures scenarios: one study into a staged run directory
 * (scenario.conf, summary.json, its CSV table and plots), committed when complete.
 */
final class LinearFailuresCommand {
    private LinearFailuresCommand() {
    }

    static int run(Path file, List<String> overrides, Path out, boolean quiet, boolean plots,
                   org.ensemble.checkpoint.Checkpoint resume) {
        LinearFailuresScenario s = LinearFailuresScenarioLoader.load(file, overrides);
        if (resume != null) {
            throw new IllegalArgumentException(file + ": a linear-failures study cannot be resumed (it keeps no"
                    + " checkpoints; each of its runs is short); run it again");
        }
        Path dir = out != null ? out : RunCommand.defaultOut(s.name());
        org.ensemble.run.Preflight.outputDirectory(dir);
        try (StopRequest stop = StopRequest.onSignals(); RunDirectory run = RunDirectory.create(dir)) {
            boolean engine = s.execution().equals("engine");
            if (!quiet) {
                System.out.println("linear failures: " + s.problem().key() + " (" + s.execution()
                        + (engine ? ", " + s.shards() + " shards" : "") + ")");
            }
            long t0 = System.nanoTime();
            StudyResult r = LinearFailureStudies.run(s.problem(), s.seed(), engine, s.shards(), stop, line -> {
                if (!quiet) {
                    System.out.println("  " + line);
                }
            });
            double wall = (System.nanoTime() - t0) / 1e9;
            return StudyOutputs.commit(run, s, StudyOutputs.ordered("scenario", s.name(), "seed", s.seed(), "study",
                    s.problem().key(), "execution", s.execution()), r, StudyOutputs.ordered("execution", s.execution(),
                    "shards", s.shards()), wall, plots, quiet, stop);
        }
    }
}
