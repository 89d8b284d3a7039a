package org.ensemble.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.ensemble.failures.DecompositionSpec;
import org.ensemble.failures.DecompositionStudy;
import org.ensemble.failures.LinearPeriodicSpec;
import org.ensemble.failures.LinearPeriodicStudy;
import org.ensemble.failures.ParityScaleSpec;
import org.ensemble.failures.ParityScaleStudy;
import org.ensemble.implicitbias.StudyResult;
import org.ensemble.output.RunDirectory;
import org.ensemble.scenario.FailureScenario;
import org.ensemble.scenario.FailureScenarioLoader;
import org.ensemble.step.StopRequest;

/**
 * {@code ensemble run} for gradient-failure scenarios: one study into a staged run directory (scenario.conf,
 * summary.json, its CSV tables and plots), committed when complete or stopped.
 */
final class FailuresCommand {
    private FailuresCommand() {
    }

    static int run(Path file, List<String> overrides, Path out, boolean quiet, boolean plots,
                   org.ensemble.checkpoint.Checkpoint resume) {
        FailureScenario s = FailureScenarioLoader.load(file, overrides);
        if (resume != null) {
            throw new IllegalArgumentException(file + ": a gradient-failure study cannot be resumed (its training runs"
                    + " are short and keep no checkpoints); run it again");
        }
        Path dir = out != null ? out : RunCommand.defaultOut(s.name());
        org.ensemble.run.Preflight.outputDirectory(dir);
        try (StopRequest stop = StopRequest.onSignals()) {
            return execute(s, dir, quiet, plots, stop);
        }
    }

    static int execute(FailureScenario s, Path dir, boolean quiet, boolean plots, StopRequest stop) {
        try (RunDirectory run = RunDirectory.create(dir)) {
            Consumer<String> log = line -> {
                if (!quiet) {
                    System.out.println("  " + line);
                }
            };
            if (!quiet) {
                System.out.println("gradient failures: " + s.problem().key() + " (" + s.shards() + " shards)");
            }
            long t0 = System.nanoTime();
            StudyResult r;
            if (s.problem() instanceof ParityScaleSpec p) {
                r = ParityScaleStudy.run(p, stop, log);
            } else if (s.problem() instanceof LinearPeriodicSpec p) {
                r = LinearPeriodicStudy.run(p, stop, log);
            } else {
                r = DecompositionStudy.run((DecompositionSpec) s.problem(), stop, log);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            return StudyOutputs.commit(run, s, StudyOutputs.ordered("scenario", s.name(), "seed", s.seed(), "study",
                    s.problem().key()), r, StudyOutputs.ordered("shards", s.shards()), wall, plots, quiet, stop);
        }
    }
}
