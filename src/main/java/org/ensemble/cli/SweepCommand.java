package org.ensemble.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ensemble.observe.escape.ArrheniusFit;
import org.ensemble.observe.escape.ArrheniusFitResult;
import org.ensemble.observe.escape.MfptEstimate;
import org.ensemble.output.RunCollection;
import org.ensemble.plot.ArrheniusPlot;
import org.ensemble.plot.ChartFiles;
import org.ensemble.run.EscapeRun;
import org.ensemble.run.RunOptions;
import org.ensemble.run.RunResult;
import org.ensemble.scenario.Scenario;
import org.ensemble.scenario.ScenarioLoader;
import org.ensemble.step.StopRequest;
import org.ensemble.study.Quantities;
import org.ensemble.study.StudyTable;
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

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Option(names = "--no-plots", description = "skip the PNG/SVG plots (per run and of the sweep)")
    boolean noPlots;

    @Override
    public Integer call() {
        metrics.quiet = quiet;
        Map.Entry<String, List<String>> v = ScenarioLoader.parseVary(vary);
        String key = v.getKey();
        if (org.ensemble.scenario.SgdScenarioLoader.isSgd(file)) {
            return SgdCommands.sweep(file, key, v.getValue(), overrides, out, quiet, !noPlots);
        }
        if (org.ensemble.scenario.SplittingScenarioLoader.isSplitting(file)) {
            throw new IllegalArgumentException(file + ": splitting scenarios are not swept; give the values as a list"
                    + " in the run instead, e.g. ensemble run " + file + " --set dynamics.beta=[8,12,16]");
        }
        if (org.ensemble.scenario.GraphDynamicsScenarioLoader.isGraphDynamics(file)) {
            throw new IllegalArgumentException(file + ": graph-dynamics studies sweep their own coupling list"
                    + " (graph-dynamics.coupling = [..]); run them with ensemble run");
        }
        if (org.ensemble.scenario.ImplicitBiasScenarioLoader.isImplicitBias(file)) {
            throw new IllegalArgumentException(file + ": implicit-bias studies sweep their own parameter (alphas,"
                    + " scales); run them with ensemble run");
        }
        if (org.ensemble.scenario.TrainingScenarioLoader.isTraining(file) && !seeds.isEmpty()) {
            throw new org.ensemble.scenario.ScenarioException("--seeds", 0, "", "replicas over seeds of a training"
                    + " scenario are its study { vary, values, seeds } block (run it with ensemble run " + file + ")");
        }
        if (org.ensemble.scenario.TrainingScenarioLoader.isTraining(file)) {
            return TrainingCommands.sweep(file, key, v.getValue(), overrides, out, quiet, !noPlots, metrics);
        }
        // Validate every variant before running any, so bad input never leaves a partial sweep.
        List<Scenario> scenarios = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Long> pointSeeds = new ArrayList<>();
        for (String value : v.getValue()) {
            for (Long seed : seeds.isEmpty() ? java.util.Collections.<Long>singletonList(null) : seeds) {
                List<String> sets = new ArrayList<>(List.of(key + "=" + value));
                if (seed != null) {
                    sets.add("seed=" + seed);
                }
                scenarios.add(ScenarioLoader.load(file, overrides, sets));
                values.add(value);
                pointSeeds.add(seed);
            }
        }
        Scenario first = scenarios.get(0);
        Path dir = out != null ? out : RunCommand.defaultOut(first.name() + "-sweep");
        boolean arrhenius = key.equals("dynamics.beta");
        scenarios.forEach(org.ensemble.run.Preflight::memory);
        org.ensemble.run.Preflight.outputDirectory(dir);
        metrics.start();
        try (RunCollection sweep = RunCollection.create(dir); StopRequest stop = StopRequest.onSignals()) {
            List<RunResult> results = new ArrayList<>();
            for (int i = 0; i < scenarios.size() && !stop.getAsBoolean(); i++) {
                String sub = key + "=" + values.get(i) + (pointSeeds.get(i) == null ? "" : "/seed=" + pointSeeds.get(i));
                System.out.printf("== %s (%d of %d)%n", sub, i + 1, scenarios.size());
                results.add(EscapeRun.execute(scenarios.get(i), new RunOptions(sweep.point(sub), quiet, !noPlots,
                        metrics.sinks(), null, stop), System.out));
            }
            List<Double> beta = new ArrayList<>();
            List<Double> lnK = new ArrayList<>();
            List<Double> lnKSe = new ArrayList<>();
            List<Double> lnExact = new ArrayList<>();
            List<Double> lnEk = new ArrayList<>();
            List<StudyTable.Row> rows = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                RunResult r = results.get(i);
                rows.add(new StudyTable.Row(values.get(i), pointSeeds.get(i), Quantities.of(r)));
                MfptEstimate m = r.mfpt();
                double ln = m == null ? Double.NaN : Math.log(m.rate());
                double lnSe = m == null ? Double.NaN : m.standardError() / m.mfpt();
                if (arrhenius && Double.isFinite(ln) && lnSe > 0) {
                    beta.add(scenarios.get(i).dynamics().beta());
                    lnK.add(ln);
                    lnKSe.add(lnSe);
                    lnExact.add(r.exactMfpt() == null ? Double.NaN : -Math.log(r.exactMfpt()));
                    lnEk.add(r.eyringKramers() == null ? Double.NaN : -Math.log(r.eyringKramers()));
                }
            }
            StudyTable.write(sweep.file("sweep.csv"), key, !seeds.isEmpty(), rows);
            List<StudyTable.Mean> means = StudyTable.means(rows);
            if (!seeds.isEmpty()) {
                StudyTable.writeMeans(sweep.file("sweep-means.csv"), key, means);
            }
            if (arrhenius && !noPlots) {
                SweepPlots.pitchfork(results, means, sweep.file("plots"));
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("scenario", first.name());
            summary.put("vary", key);
            summary.put("values", v.getValue());
            if (arrhenius && beta.size() >= 2) {
                double[] b = beta.stream().mapToDouble(Double::doubleValue).toArray();
                double[] y = lnK.stream().mapToDouble(Double::doubleValue).toArray();
                double[] se = lnKSe.stream().mapToDouble(Double::doubleValue).toArray();
                ArrheniusFitResult fit = ArrheniusFit.fit(b, y, se, 0.95);
                Object trueBarrier = results.get(0).summary().get("theory") instanceof Map<?, ?> t
                        ? t.get("barrier") : null;
                double tb = trueBarrier instanceof Double d ? d : Double.NaN;
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("barrier", fit.barrier());
                a.put("barrier_se", fit.barrierSe());
                a.put("barrier_ci", List.of(fit.barrierCiLow(), fit.barrierCiHigh()));
                a.put("ln_prefactor", fit.lnPrefactor());
                a.put("chi2_per_dof", Double.isFinite(fit.chi2PerDof()) ? fit.chi2PerDof() : null);
                a.put("true_barrier", Double.isFinite(tb) ? tb : null);
                summary.put("arrhenius", a);
                if (!noPlots) {
                    ChartFiles.save(ArrheniusPlot.create("Arrhenius plot: " + first.name(), b, y, se, fit.barrier(),
                            fit.barrierCiHigh() - fit.barrier(), fit.lnPrefactor(), tb,
                            lnExact.stream().mapToDouble(Double::doubleValue).toArray(),
                            lnEk.stream().mapToDouble(Double::doubleValue).toArray()), sweep.file("plots"),
                            "arrhenius");
                }
                System.out.printf("Arrhenius fit: barrier ΔV = %.4f ± %.4f (95%% CI [%.4f, %.4f]), true barrier %s;"
                        + " χ²/dof = %.3g%n", fit.barrier(), fit.barrierCiHigh() - fit.barrier(), fit.barrierCiLow(),
                        fit.barrierCiHigh(), Double.isFinite(tb) ? String.format("%.4f", tb) : "unknown",
                        fit.chi2PerDof());
                System.out.println("  (the prefactor of k depends weakly on β, so the fitted slope differs from the"
                        + " barrier by O(1/(βΔV)); sweep.csv has the exact MFPT per β for 1-D potentials)");
            }
            if (key.equals("population.size")) {
                List<Double> sizes = new ArrayList<>();
                for (Scenario sc : scenarios) {
                    sizes.add((double) sc.populationSize());
                }
                PopulationSweepFits.addTo(summary, sizes, results, noPlots ? null : sweep.file("plots"));
            }
            EscapeRun.json(sweep.file("sweep.json"), summary);
            Path done = sweep.commit();
            System.out.println("sweep outputs: " + done);
            if (stop.getAsBoolean()) {
                System.out.printf("sweep interrupted after %d of %d values%n", results.size(), scenarios.size());
                return stop.exitCode();
            }
        } finally {
            metrics.finish();
        }
        return 0;
    }
}
