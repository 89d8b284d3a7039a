package org.ensemble.cli;

import java.nio.file.Path;
import java.util.List;
import org.ensemble.implicitbias.CoordinateRunner;
import org.ensemble.implicitbias.ImplicitBiasStudies;
import org.ensemble.implicitbias.StudyResult;
import org.ensemble.output.RunDirectory;
import org.ensemble.scenario.ImplicitBiasScenario;
import org.ensemble.scenario.ImplicitBiasScenarioLoader;
import org.ensemble.step.StopRequest;

/**
 * {@code ensemble run} for implicit-bias scenarios: one study into a staged run directory
 * (scenario.conf, summary.json, its CSV tables and plots), committed when complete.
 */
final class ImplicitBiasCommand {
    private ImplicitBiasCommand() {
    }

    static int run(Path file, List<String> overrides, Path out, boolean quiet, boolean plots, MetricsOptions metrics,
                   org.ensemble.checkpoint.Checkpoint resume) {
        ImplicitBiasScenario s = ImplicitBiasScenarioLoader.load(file, overrides);
        if (resume != null) {
            throw new IllegalArgumentException(file + ": an implicit-bias study cannot be resumed (it keeps no"
                    + " checkpoints; each of its runs is short); run it again");
        }
        Path dir = out != null ? out : RunCommand.defaultOut(s.name());
        org.ensemble.run.Preflight.outputDirectory(dir);
        metrics.start();
        try {
            return execute(s, dir, quiet, plots, metrics);
        } finally {
            metrics.finish();
        }
    }

    private static int execute(ImplicitBiasScenario s, Path dir, boolean quiet, boolean plots, MetricsOptions metrics) {
        try (StopRequest stop = StopRequest.onSignals(); RunDirectory run = RunDirectory.create(dir)) {
            if (!quiet) {
                System.out.println("implicit bias: " + s.problem().key() + " (" + s.execution()
                        + (s.execution().equals("engine") ? ", " + s.shards() + " shards" : "") + ")");
            }
            CoordinateRunner runner = s.execution().equals("engine") ? CoordinateRunner.engine(s.shards(), stop)
                    : CoordinateRunner.inProcess(s.shards(), stop);
            int[] runs = {0};
            runner = runner.watchedBy(spec -> metrics.coordinateSink(s.name(), dir.getFileName() + "-" + runs[0]++,
                    s.seed(), spec.recipe().d(), spec.steps()));
            long t0 = System.nanoTime();
            StudyResult r = ImplicitBiasStudies.run(s.problem(), s.seed(), runner,
                    line -> {
                        if (!quiet) {
                            System.out.println("  " + line);
                        }
                    });
            double wall = (System.nanoTime() - t0) / 1e9;
            return StudyOutputs.commit(run, s, StudyOutputs.ordered("scenario", s.name(), "seed", s.seed(), "execution",
                    s.execution()), r, StudyOutputs.ordered("execution", s.execution(), "shards", s.shards()), wall, plots,
                    quiet, stop);
        }
    }
}
