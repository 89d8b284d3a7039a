package org.ensemble.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.ensemble.checkpoint.Checkpoint;
import org.ensemble.checkpoint.CheckpointIdentity;
import org.ensemble.graphdynamics.GraphDynamicsStudy;
import org.ensemble.graphdynamics.GraphStudyCheckpoints;
import org.ensemble.graphdynamics.LoggedMeasure;
import org.ensemble.output.RunDirectory;
import org.ensemble.scenario.GraphDynamicsScenario;
import org.ensemble.scenario.GraphDynamicsScenarioLoader;
import org.ensemble.step.StopRequest;

/**
 * {@code ensemble run} and {@code ensemble resume} for graph-dynamics scenarios: one study into a
 * staged run directory (scenario.conf, summary.json, its CSV tables and plots), committed when
 * complete; a stopped study commits the points it finished with status interrupted and keeps its
 * checkpoint (the leg in progress at its last barrier), from which a resume finishes it with the
 * bytes of a study that never stopped.
 */
final class GraphDynamicsCommand {
    private GraphDynamicsCommand() {
    }

    static int run(Path file, List<String> overrides, Path out, boolean quiet, boolean plots, MetricsOptions metrics,
                   Checkpoint resume) {
        GraphDynamicsScenario s = GraphDynamicsScenarioLoader.load(file, overrides);
        Path dir = out != null ? out : RunCommand.defaultOut(s.name());
        if (resume == null) {
            org.ensemble.run.Preflight.outputDirectory(dir);
        }
        metrics.start();
        try (StopRequest stop = StopRequest.onSignals()) {
            return execute(s, dir, quiet, plots, metrics, stop, stop, resume);
        } finally {
            metrics.finish();
        }
    }

    /**
     * The study into {@code dir}, continuing from {@code resume} (its checkpoint) unless null;
     * {@code stopNow} is asked at every barrier ({@code stop} itself, or a test's count), {@code stop}
     * gives the exit code of a stopped study.
     */
    static int execute(GraphDynamicsScenario s, Path dir, boolean quiet, boolean plots, MetricsOptions metrics,
                       StopRequest stop, BooleanSupplier stopNow, Checkpoint resume) {
        CheckpointIdentity id = GraphStudyCheckpoints.identity(s.name(), s.resolved(), s.params().backend().key());
        List<LoggedMeasure> logged = List.of();
        if (resume != null) {
            resume.requireMatches(id);
            logged = resume.observed(LoggedMeasure.class); // before reopening moves the directory
        }
        try (RunDirectory run = resume != null ? RunDirectory.reopen(dir) : RunDirectory.create(dir);
             GraphStudyCheckpoints checkpoints = resume != null
                     ? GraphStudyCheckpoints.continuing(run.staging(), id, s.checkpointEvery(), resume, logged)
                     : GraphStudyCheckpoints.start(run.staging(), id, s.checkpointEvery())) {
            // first, so that a killed study's staging directory holds what `ensemble resume` reads
            org.ensemble.run.EscapeRun.write(run.file("scenario.conf"), s.render());
            if (!quiet) {
                System.out.println("graph dynamics: " + s.summaryLine().strip() + " (" + s.params().execution()
                        + ", " + s.shards() + " shards, backend " + s.params().backend().key() + ")" + (resume != null ? ", resumed from "
                        + checkpoints.resumedAt() : ""));
            }
            long t0 = System.nanoTime();
            GraphDynamicsStudy.Measured m = GraphDynamicsStudy.run(s.params(), s.seed(), s.shards(), stopNow, line -> {
                if (!quiet) {
                    System.out.println("  " + line);
                }
            }, (leg, nodes, edges, steps) -> metrics.graphSink(s.name(), dir.getFileName() + "-" + leg, s.seed(),
                    nodes, edges, steps), checkpoints);
            double wall = (System.nanoTime() - t0) / 1e9;
            Object status = m.result().summary().get("status");
            boolean keep = !"completed".equals(status) && !String.valueOf(status).startsWith("diverged")
                    && (checkpoints.written() > 0 || resume != null);
            if (keep) {
                checkpoints.close();
            } else {
                checkpoints.discard();
            }
            Map<String, Object> info = StudyOutputs.ordered("execution", s.params().execution(), "shards", s.shards(),
                    "backend", s.params().backend().key());
            info.putAll(m.speed());
            int code = StudyOutputs.commit(run, s, StudyOutputs.ordered("scenario", s.name(), "seed", s.seed()),
                    m.result(), info, wall, plots, quiet, stop);
            if (keep) {
                System.out.println("  resume with: ensemble resume " + dir);
            }
            return code;
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException || !RunDirectory.keptCheckpoint(dir)) {
                throw e;
            }
            throw new org.ensemble.run.RunFailedException(e.getMessage() + "; the study's last checkpoint is kept:"
                    + " fix the cause and continue with `ensemble resume " + dir + "`", e);
        }
    }
}
