package org.ensemble.cli;

import java.nio.file.Path;
import java.util.List;
import org.ensemble.graphdynamics.GraphDynamicsStudy;
import org.ensemble.implicitbias.StudyResult;
import org.ensemble.output.RunDirectory;
import org.ensemble.scenario.GraphDynamicsScenario;
import org.ensemble.scenario.GraphDynamicsScenarioLoader;
import org.ensemble.step.StopRequest;

/**
 * {@code ensemble run} for graph-dynamics scenarios: one study into a staged run directory
 * (scenario.conf, summary.json, its CSV tables and plots), committed when complete; a stopped study
 * commits the points it finished with status interrupted.
 */
final class GraphDynamicsCommand {
    private GraphDynamicsCommand() {
    }

    static int run(Path file, List<String> overrides, Path out, boolean quiet, boolean plots, MetricsOptions metrics,
                   org.ensemble.checkpoint.Checkpoint resume) {
        GraphDynamicsScenario s = GraphDynamicsScenarioLoader.load(file, overrides);
        if (resume != null) {
            throw new IllegalArgumentException(file + ": a graph-dynamics study cannot be resumed (it keeps no"
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

    private static int execute(GraphDynamicsScenario s, Path dir, boolean quiet, boolean plots, MetricsOptions metrics) {
        try (StopRequest stop = StopRequest.onSignals(); RunDirectory run = RunDirectory.create(dir)) {
            if (!quiet) {
                System.out.println("graph dynamics: " + s.summaryLine().strip() + " (" + s.params().execution()
                        + ", " + s.shards() + " shards)");
            }
            long t0 = System.nanoTime();
            StudyResult r = GraphDynamicsStudy.run(s.params(), s.seed(), s.shards(), stop, line -> {
                if (!quiet) {
                    System.out.println("  " + line);
                }
            }, (id, nodes, edges, steps) -> metrics.graphSink(s.name(), dir.getFileName() + "-" + id, s.seed(), nodes,
                    edges, steps));
            double wall = (System.nanoTime() - t0) / 1e9;
            return StudyOutputs.commit(run, s, StudyOutputs.ordered("scenario", s.name(), "seed", s.seed()), r, StudyOutputs.ordered("execution", s.params().execution(), "shards", s.shards()), wall,
                    plots, quiet, stop);
        }
    }
}
