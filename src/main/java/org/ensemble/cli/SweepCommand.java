package org.ensemble.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ensemble.scenario.ParticleStudy;
import org.ensemble.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Run a scenario once per value of one key; for dynamics.beta, fit and plot"
        + " the Arrhenius law.")
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "scenario file (HOCON)")
    Path file;

    @Option(names = "--vary", required = true, paramLabel = "KEY=V1,V2,...", description = "the key and its values,"
            + " one run each, e.g. dynamics.beta=2,3,4,5")
    String vary;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a scenario key for every run, e.g."
            + " run.time=50")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default"
            + " runs/<scenario>-sweep/<timestamp>)")
    Path out;

    @picocli.CommandLine.Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Option(names = "--seeds", split = ",", paramLabel = "S1,S2,...", description = "replicas: one run per value"
            + " and seed; sweep.csv gets a seed column and sweep-means.csv the mean ± SE across seeds")
    List<Long> seeds = new ArrayList<>();

    @Option(names = "--jobs", paramLabel = "N", description = "points run at once (default: as many as the cores"
            + " allow without oversubscribing the shards; 1 while live metrics are served, which follow one run)")
    Integer jobs;

    @Option(names = "--cluster", paramLabel = "FILE", description = "run the points on the cluster of this cluster"
            + " file (ensemble node): each point is its own job, its shards dealt over the nodes")
    Path cluster;

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Option(names = "--no-plots", description = "skip the PNG/SVG plots (per run and of the sweep)")
    boolean noPlots;

    @Override
    public Integer call() {
        if (cluster != null) {
            Path c = cluster;
            cluster = null;
            return org.ensemble.cluster.ClusterRun.onCluster(c, this::call);
        }
        metrics.quiet = quiet;
        Map.Entry<String, List<String>> v = ScenarioLoader.parseVary(vary);
        String key = v.getKey();
        if (org.ensemble.scenario.SgdScenarioLoader.isSgd(file)) {
            return SgdCommands.sweep(file, key, v.getValue(), overrides, out, quiet, !noPlots);
        }
        if (org.ensemble.scenario.SplittingScenarioLoader.isSplitting(file)) {
            return SplittingSweep.run(file, key, v.getValue(), overrides, seeds, out, quiet, !noPlots);
        }
        if (org.ensemble.scenario.GnnScenarioLoader.isGnn(file)) {
            throw new IllegalArgumentException(file + ": GNN studies vary their own parameters (kinds, graphs,"
                    + " depths); run them with ensemble run");
        }
        if (org.ensemble.scenario.GraphDynamicsScenarioLoader.isGraphDynamics(file)) {
            throw new IllegalArgumentException(file + ": graph-dynamics studies sweep their own coupling list"
                    + " (graph-dynamics.coupling = [..]); run them with ensemble run");
        }
        if (org.ensemble.scenario.ImplicitBiasScenarioLoader.isImplicitBias(file)) {
            throw new IllegalArgumentException(file + ": implicit-bias studies sweep their own parameter (alphas,"
                    + " scales); run them with ensemble run");
        }
        if (org.ensemble.scenario.FailureScenarioLoader.isFailure(file)) {
            throw new IllegalArgumentException(file + ": gradient-failure studies sweep their own parameter"
                    + " (dimensions, norms, blocks); run them with ensemble run");
        }
        if (org.ensemble.scenario.LinearFailuresScenarioLoader.isLinearFailures(file)) {
            throw new IllegalArgumentException(file + ": linear-failures studies sweep their own parameters (dims,"
                    + " step sizes, sizes); run them with ensemble run");
        }
        if (org.ensemble.scenario.TrainingScenarioLoader.isTraining(file) && !seeds.isEmpty()) {
            throw new org.ensemble.scenario.ScenarioException("--seeds", 0, "", "replicas over seeds of a training"
                    + " scenario are its study { vary, values, seeds } block (run it with ensemble run " + file + ")");
        }
        if (org.ensemble.scenario.TrainingScenarioLoader.isTraining(file)) {
            return TrainingCommands.sweep(file, key, v.getValue(), overrides, out, quiet, !noPlots, metrics);
        }
        if (ParticleStudy.read(file, overrides).isPresent()) {
            throw new IllegalArgumentException(file + " has a study block: run it with ensemble run " + file
                    + " (or remove the block to sweep it)");
        }
        return ParticleSweep.run(new ParticleSweep.Plan(file, overrides, key, v.getValue(), seeds, false), out, quiet,
                !noPlots, metrics, jobs);
    }
}
