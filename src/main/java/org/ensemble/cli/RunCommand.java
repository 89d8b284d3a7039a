package org.ensemble.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ensemble.checkpoint.Checkpoint;
import org.ensemble.run.EscapeRun;
import org.ensemble.run.Preflight;
import org.ensemble.run.RunOptions;
import org.ensemble.run.RunResult;
import org.ensemble.step.StopRequest;
import org.ensemble.scenario.Scenario;
import org.ensemble.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.ensemble.langevin.RunOutcome;

@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Run a scenario and write its outputs to a run directory.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "scenario file (HOCON)")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a scenario key, e.g. dynamics.beta=3")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default runs/<scenario>/<timestamp>)")
    Path out;

    @picocli.CommandLine.Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue the interrupted or killed run in"
            + " RUN_DIR from its last checkpoint (FILE and --set must give the same resolved scenario)")
    Path resume;

    @Option(names = "--jobs", paramLabel = "N", description = "a study's points run at once (default: as many as the"
            + " cores allow without oversubscribing the shards; 1 while live metrics are served)")
    Integer jobs;

    @Option(names = "--cluster", paramLabel = "FILE", description = "run on the cluster of this cluster file: this JVM"
            + " joins as the coordinator's node, the shards run on the nodes (ensemble node); a lost node costs a resume"
            + " from the last checkpoint")
    Path cluster;

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Option(names = "--no-plots", description = "skip the PNG/SVG plots")
    boolean noPlots;

    @Override
    public Integer call() {
        if (cluster != null) {
            return onCluster();
        }
        metrics.quiet = quiet;
        if (jobs != null && !(org.ensemble.scenario.ScenarioFiles.load(file, overrides)
                instanceof org.ensemble.scenario.Scenario && org.ensemble.scenario.ParticleStudy.read(file, overrides)
                .isPresent())) {
            throw new IllegalArgumentException("--jobs " + jobs + ": only a particle scenario with a study { vary, values,"
                    + " seeds } block runs several points; " + file + " runs once (use ensemble sweep --jobs to vary a key)");
        }
        Checkpoint cp = null;
        if (resume != null) {
            if (out != null && !out.toAbsolutePath().normalize().equals(resume.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--out " + out + " and --resume " + resume + " differ: a resumed run"
                        + " continues in its own directory (leave --out out)");
            }
            cp = Checkpoint.find(resume);
            out = resume;
        }
        if (org.ensemble.scenario.SgdScenarioLoader.isSgd(file)) {
            return SgdCommands.run(file, overrides, out, quiet, !noPlots, cp, metrics);
        }
        if (org.ensemble.scenario.SplittingScenarioLoader.isSplitting(file)) {
            org.ensemble.scenario.SplittingScenario sp = org.ensemble.scenario.SplittingScenarioLoader.load(file,
                    overrides);
            Path dir = out != null ? out : defaultOut(sp.name());
            Preflight.outputDirectory(dir);
            try (StopRequest stop = StopRequest.onSignals()) {
                boolean done = !org.ensemble.run.SplittingRun.execute(sp, dir, quiet, !noPlots, System.out, stop, cp)
                        .isEmpty();
                return done ? 0 : stop.getAsBoolean() ? stop.exitCode() : Main.EXIT_FAILURE;
            }
        }
        if (org.ensemble.scenario.GnnScenarioLoader.isGnn(file)) {
            return GnnCommand.run(file, overrides, out, quiet, !noPlots, cp);
        }
        if (org.ensemble.scenario.ImplicitBiasScenarioLoader.isImplicitBias(file)) {
            return ImplicitBiasCommand.run(file, overrides, out, quiet, !noPlots, metrics, cp);
        }
        if (org.ensemble.scenario.FailureScenarioLoader.isFailure(file)) {
            return FailuresCommand.run(file, overrides, out, quiet, !noPlots, cp);
        }
        if (org.ensemble.scenario.LinearFailuresScenarioLoader.isLinearFailures(file)) {
            return LinearFailuresCommand.run(file, overrides, out, quiet, !noPlots, cp);
        }
        if (org.ensemble.scenario.GraphDynamicsScenarioLoader.isGraphDynamics(file)) {
            return GraphDynamicsCommand.run(file, overrides, out, quiet, !noPlots, metrics, cp);
        }
        if (org.ensemble.scenario.TrainingScenarioLoader.isTraining(file)) {
            return TrainingCommands.run(file, overrides, out, quiet, !noPlots, metrics, cp);
        }
        java.util.Optional<org.ensemble.scenario.ParticleStudy> study = org.ensemble.scenario.ParticleStudy.read(file,
                overrides);
        if (study.isPresent()) {
            if (cp != null) {
                throw new IllegalArgumentException(file + ": a study is not resumed as a whole; resume its interrupted"
                        + " point's own directory, or run the study again");
            }
            org.ensemble.scenario.ParticleStudy st = study.get();
            return ParticleSweep.run(new ParticleSweep.Plan(file, overrides, st.vary(), st.values(), st.seeds(), true),
                    out, quiet, !noPlots, metrics, jobs);
        }
        Scenario s = ScenarioLoader.load(file, overrides);
        Path dir = out != null ? out : defaultOut(s.name());
        Preflight.memory(s);
        Preflight.outputDirectory(dir);
        metrics.start();
        RunResult r;
        try (StopRequest stop = StopRequest.onSignals()) {
            r = EscapeRun.execute(s, new RunOptions(dir, quiet, !noPlots, metrics.sinks(), null, stop, cp),
                    System.out);
            if (r.outcome().status() == RunOutcome.Status.INTERRUPTED) {
                return stop.exitCode();
            }
        } finally {
            metrics.finish();
        }
        return r.outcome().ok() ? 0 : (r.outcome().status() == RunOutcome.Status.DIVERGED
                ? Main.EXIT_DIVERGED : Main.EXIT_FAILURE);
    }

    /** This run on the cluster: the same run, then, after a lost node, the same resume as `ensemble resume`. */
    private int onCluster() {
        Path clusterFile = cluster;
        cluster = null;
        if (out == null && resume == null) {
            out = defaultOut(org.ensemble.scenario.ScenarioFiles.load(file, overrides).name());
        }
        Path dir = resume != null ? resume : out;
        return org.ensemble.cluster.ClusterRun.call(clusterFile, dir, this::call, () -> {
            file = Checkpoint.locate(dir).resolve("scenario.conf");
            overrides = new ArrayList<>();
            out = null;
            resume = dir;
            return call();
        });
    }

    static Path defaultOut(String name) {
        return Path.of("runs", name, LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
    }
}
