package org.ensemble.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/**
 * A sweep ({@code ensemble sweep --vary}) or study ({@code study { vary, values, seeds }}) of a
 * particle scenario: every point validated before any runs, the points run (several at once with
 * {@code --jobs}; each point's numbers do not depend on it), then the table of what they measured,
 * the mean ± SE across seeds, and the sweep-level fits and plots (Arrhenius, pitchfork, propagation
 * of chaos, switching time).
 */
final class ParticleSweep {
    private ParticleSweep() {
    }

    /**
     * What to run: one point per value (and seed, where seeds are given) of {@code vary}.
     *
     * @param study a scenario's study block (files named study.*) rather than a command-line sweep (sweep.*)
     */
    record Plan(Path file, List<String> overrides, String vary, List<String> values, List<Long> seeds, boolean study) {
        String name() {
            return study ? "study" : "sweep";
        }
    }

    static int run(Plan plan, Path out, boolean quiet, boolean plots, MetricsOptions metrics, Integer jobsOption) {
        metrics.quiet = quiet;
        String key = plan.vary();
        // Validate every variant before running any, so bad input never leaves a partial sweep.
        List<Scenario> scenarios = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Long> pointSeeds = new ArrayList<>();
        for (String value : plan.values()) {
            for (Long seed : plan.seeds().isEmpty() ? java.util.Collections.<Long>singletonList(null) : plan.seeds()) {
                List<String> sets = new ArrayList<>(List.of(key + "=" + value));
                if (seed != null) {
                    sets.add("seed=" + seed);
                }
                scenarios.add(ScenarioLoader.load(plan.file(), plan.overrides(), sets));
                values.add(value);
                pointSeeds.add(seed);
            }
        }
        Scenario first = scenarios.get(0);
        Path dir = out != null ? out : RunCommand.defaultOut(first.name() + "-" + plan.name());
        boolean arrhenius = key.equals("dynamics.beta");
        scenarios.forEach(org.ensemble.run.Preflight::memory);
        org.ensemble.run.Preflight.outputDirectory(dir);
        int jobs = jobs(jobsOption, first, scenarios.size(), metrics);
        metrics.start();
        try (RunCollection sweep = RunCollection.create(dir); StopRequest stop = StopRequest.onSignals()) {
            List<RunResult> results = points(scenarios, values, pointSeeds, plan.vary(), sweep, quiet, plots,
                    metrics, jobs, stop);
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
            StudyTable.write(sweep.file(plan.name() + ".csv"), key, !plan.seeds().isEmpty(), rows);
            List<StudyTable.Mean> means = StudyTable.means(rows);
            if (!plan.seeds().isEmpty()) {
                StudyTable.writeMeans(sweep.file(plan.name() + "-means.csv"), key, means);
            }
            if (arrhenius && plots) {
                SweepPlots.pitchfork(results, means, sweep.file("plots"));
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("scenario", first.name());
            summary.put("vary", key);
            summary.put("values", plan.values());
            if (!plan.seeds().isEmpty()) {
                summary.put("seeds", plan.seeds());
            }
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
                if (plots) {
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
                        + " barrier by O(1/(βΔV)); " + plan.name() + ".csv has the exact MFPT per β for 1-D potentials)");
            }
            if (key.equals("population.size")) {
                List<Double> sizes = new ArrayList<>();
                for (Scenario sc : scenarios) {
                    sizes.add((double) sc.populationSize());
                }
                PopulationSweepFits.addTo(summary, sizes, results, !plots ? null : sweep.file("plots"));
            }
            EscapeRun.json(sweep.file(plan.name() + ".json"), summary);
            Path done = sweep.commit();
            System.out.println(plan.name() + " outputs: " + done);
            if (stop.getAsBoolean()) {
                System.out.printf("%s interrupted after %d of %d points%n", plan.name(), results.size(), scenarios.size());
                return stop.exitCode();
            }
        } finally {
            metrics.finish();
        }
        return 0;
    }

    /**
     * How many points run at once: as asked, or as many as the cores hold with each point's shards
     * on cores of their own; 1 while live metrics are served (they follow one run at a time).
     */
    static int jobs(Integer asked, Scenario first, int points, MetricsOptions metrics) {
        if (asked != null) {
            if (asked < 1) {
                throw new IllegalArgumentException("--jobs " + asked + ": expected a positive number of points at once");
            }
            if (asked > 1 && !metrics.disabled) {
                System.err.println("note: --jobs " + asked + " runs points at once; live metrics follow one run at a"
                        + " time, so they are off for this sweep (--jobs 1 to watch it)");
                metrics.disabled = true;
            }
            return Math.min(asked, points);
        }
        if (!metrics.disabled) {
            return 1;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(points, cores / Math.max(1, first.shards())));
    }

    /** Runs the points, in order or {@code jobs} at once; each point's console report is printed in point order. */
    private static List<RunResult> points(List<Scenario> scenarios, List<String> values, List<Long> pointSeeds,
                                          String key, RunCollection sweep, boolean quiet, boolean plots,
                                          MetricsOptions metrics, int jobs, StopRequest stop) {
        List<RunResult> results = new ArrayList<>();
        int n = scenarios.size();
        List<String> subs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            subs.add(key + "=" + values.get(i) + (pointSeeds.get(i) == null ? "" : "/seed=" + pointSeeds.get(i)));
        }
        if (jobs <= 1) {
            for (int i = 0; i < n && !stop.getAsBoolean(); i++) {
                System.out.printf("== %s (%d of %d)%n", subs.get(i), i + 1, n);
                results.add(EscapeRun.execute(scenarios.get(i), new RunOptions(sweep.point(subs.get(i)), quiet, plots,
                        metrics.sinks(), null, stop), System.out));
            }
            return results;
        }
        record Point(RunResult result, String report) {
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "sweep-point");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Point>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Scenario sc = scenarios.get(i);
                Path dir = sweep.point(subs.get(i));
                futures.add(pool.submit(() -> {
                    if (stop.getAsBoolean()) {
                        return null;
                    }
                    ByteArrayOutputStream buf = new ByteArrayOutputStream();
                    PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
                    // Points at once would interleave their progress lines: each reports when done instead.
                    RunResult r = EscapeRun.execute(sc, new RunOptions(dir, true, plots, metrics.sinks(), null, stop), ps);
                    return new Point(r, buf.toString(StandardCharsets.UTF_8));
                }));
            }
            for (int i = 0; i < n; i++) {
                Point p = futures.get(i).get();
                if (p == null) {
                    break;
                }
                System.out.printf("== %s (%d of %d)%n", subs.get(i), i + 1, n);
                System.out.print(p.report);
                results.add(p.result);
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sweep's points", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c.getMessage(), c);
        } finally {
            pool.shutdownNow();
        }
    }
}
