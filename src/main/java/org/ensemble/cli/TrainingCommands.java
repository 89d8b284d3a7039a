package org.ensemble.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.network.ParityGradientVariance;
import org.ensemble.output.CsvWriter;
import org.ensemble.output.RunCollection;
import org.ensemble.plot.ChartFiles;
import org.ensemble.plot.LinePlot;
import org.ensemble.plot.Overlays;
import org.ensemble.plot.Palette;
import org.ensemble.run.EscapeRun;
import org.ensemble.run.TrainingRun;
import org.ensemble.scenario.TrainingScenario;
import org.ensemble.scenario.TrainingScenarioLoader;
import org.ensemble.step.StopRequest;
import org.ensemble.training.TrainingOutcome;
import org.knowm.xchart.XYChart;

/**
 * {@code ensemble run} for training scenarios: one run, or — with a {@code study} or
 * {@code parity-gradients} block — a study directory with one sub-run per (value, seed), the
 * success table, and the parity-gradient measurements.
 */
final class TrainingCommands {
    private TrainingCommands() {
    }

    static int run(Path file, List<String> overrides, Path out, boolean quiet, boolean plots, MetricsOptions metrics,
                   org.ensemble.checkpoint.Checkpoint resume) {
        TrainingScenario s = TrainingScenarioLoader.load(file, overrides);
        if (resume != null && (s.study().isPresent() || s.parityGradients().isPresent())) {
            throw new IllegalArgumentException(file + ": a study or parity-gradient scenario cannot be resumed (its"
                    + " runs are short); run it again");
        }
        Path dir = out != null ? out : RunCommand.defaultOut(s.name());
        org.ensemble.run.Preflight.memory(s);
        org.ensemble.run.Preflight.outputDirectory(dir);
        metrics.start();
        try (StopRequest stop = StopRequest.onSignals()) {
            if (resume != null) {
                TrainingRun.Result r = TrainingRun.execute(s, dir, quiet, plots, sink(metrics, s, dir), System.out,
                        null, stop, resume);
                return r.outcome().status() == TrainingOutcome.Status.INTERRUPTED ? stop.exitCode() : exit(r.outcome());
            }
            return execute(s, dir, null, quiet, plots, metrics, stop).exit();
        } finally {
            metrics.finish();
        }
    }

    /** A finished training run or study: its exit code and, for a single run, its result. */
    record Done(int exit, TrainingRun.Result single) {
    }

    /** One run, or a study directory; {@code shownAs} is where the user will find it (inside a sweep). */
    static Done execute(TrainingScenario s, Path dir, Path shownAs, boolean quiet, boolean plots,
                        MetricsOptions metrics, StopRequest stop) {
        // Every variant is validated before anything runs, so bad input never leaves a partial study.
        List<TrainingScenario> variants = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (s.study().isPresent()) {
            TrainingScenario.StudySpec st = s.study().get();
            for (String v : st.values()) {
                for (long seed : st.seeds()) {
                    variants.add(s.withOverrides(List.of(st.key() + "=" + v, "seed=" + seed)));
                    labels.add(st.key() + "=" + v + "/seed=" + seed);
                }
            }
        }
        boolean studyDir = s.study().isPresent() || s.parityGradients().isPresent();
        {
            if (!studyDir) {
                TrainingRun.Result r = TrainingRun.execute(s, dir, quiet, plots, sink(metrics, s, dir), System.out,
                        shownAs, stop);
                return new Done(r.outcome().status() == TrainingOutcome.Status.INTERRUPTED ? stop.exitCode()
                        : exit(r.outcome()), r);
            }
            try (RunCollection top = RunCollection.create(dir)) {
                EscapeRun.write(top.file("scenario.conf"), s.resolved());
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("scenario", s.name());
                if (s.parityGradients().isPresent()) {
                    summary.put("parity_gradients", parity(s, top, quiet));
                }
                int worst = 0;
                if (s.study().isPresent()) {
                    List<TrainingRun.Result> results = new ArrayList<>();
                    for (int i = 0; i < variants.size() && !stop.getAsBoolean(); i++) {
                        System.out.printf("== %s (%d of %d)%n", labels.get(i), i + 1, variants.size());
                        TrainingScenario v = variants.get(i);
                        Path sub = top.point(labels.get(i));
                        results.add(TrainingRun.execute(v, sub, quiet, plots, sink(metrics, v, sub), System.out,
                                null, stop));
                        worst = Math.max(worst, exit(results.get(i).outcome()) == Main.EXIT_FAILURE ? 1 : 0);
                    }
                    summary.put("study", study(s, variants, results, top));
                }
                EscapeRun.json(top.file("study.json"), summary);
                Path done = top.commit();
                System.out.println("study outputs: " + (shownAs != null ? shownAs : done));
                return new Done(worst == 0 ? 0 : Main.EXIT_FAILURE, null);
            }
        }
    }

    /**
     * {@code ensemble sweep} over a training scenario: every variant validated first, then one run (or
     * study) per value in the sweep directory, and {@code sweep.csv} with each value's final risks.
     */
    static int sweep(Path file, String key, List<String> values, List<String> overrides, Path out, boolean quiet,
                     boolean plots, MetricsOptions metrics) {
        List<TrainingScenario> variants = new ArrayList<>();
        for (String value : values) {
            List<String> sets = new ArrayList<>(overrides);
            sets.add(key + "=" + value);
            variants.add(TrainingScenarioLoader.load(file, sets));
        }
        Path dir = out != null ? out : RunCommand.defaultOut(variants.get(0).name() + "-sweep");
        variants.forEach(org.ensemble.run.Preflight::memory);
        org.ensemble.run.Preflight.outputDirectory(dir);
        metrics.start();
        int worst = 0;
        List<String> swept = new ArrayList<>();
        List<Double> finalRisk = new ArrayList<>();
        try (RunCollection sweep = RunCollection.create(dir); StopRequest stop = StopRequest.onSignals()) {
            try (CsvWriter table = new CsvWriter(sweep.file("sweep.csv"), List.of(key, "exit", "final_test_risk",
                    "final_train_risk"))) {
                for (int i = 0; i < variants.size() && !stop.getAsBoolean(); i++) {
                    String sub = key + "=" + values.get(i);
                    System.out.printf("== %s (%d of %d)%n", sub, i + 1, variants.size());
                    Done d = execute(variants.get(i), sweep.point(sub), null, quiet, plots,
                            metrics, stop);
                    worst = Math.max(worst, d.exit());
                    table.row(values.get(i), d.exit(), d.single() == null ? null : d.single().finalTestRisk(),
                            d.single() == null ? null : d.single().finalTrainRisk());
                    if (d.single() != null && Double.isFinite(d.single().finalTestRisk())) {
                        swept.add(values.get(i));
                        finalRisk.add(d.single().finalTestRisk());
                    }
                }
            }
            if (plots && swept.size() >= 2) {
                riskAgainst(key, swept, finalRisk, sweep.file("plots"));
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("scenario", variants.get(0).name());
            summary.put("vary", key);
            summary.put("values", values);
            EscapeRun.json(sweep.file("sweep.json"), summary);
            System.out.println("sweep outputs: " + sweep.commit());
            if (stop.getAsBoolean()) {
                return stop.exitCode();
            }
        } finally {
            metrics.finish();
        }
        return worst;
    }

    private static org.ensemble.step.Observer<org.ensemble.training.TrainingMeasure> sink(MetricsOptions metrics,
                                                                                          TrainingScenario s, Path dir) {
        double[] edges = new double[s.histogramBins() + 1];
        for (int b = 0; b < edges.length; b++) {
            edges[b] = s.radiusRange()[0] + (s.radiusRange()[1] - s.radiusRange()[0]) * b / s.histogramBins();
        }
        return metrics.trainingSink(s.name(), dir.getFileName().toString(), s.seed(), s.network().width(), s.steps(),
                s.rule().lr(), edges);
    }

    private static int exit(TrainingOutcome o) {
        return o.ok() ? 0 : (o.status() == TrainingOutcome.Status.DIVERGED ? Main.EXIT_DIVERGED : Main.EXIT_FAILURE);
    }

    private static Map<String, Object> study(TrainingScenario s, List<TrainingScenario> variants,
                                             List<TrainingRun.Result> results, RunCollection top) {
        TrainingScenario.StudySpec st = s.study().get();
        double threshold = st.successRisk();
        List<Map<String, Object>> table = new ArrayList<>();
        double[] x = new double[st.values().size()];
        double[] rate = new double[x.length];
        double[] median = new double[x.length];
        double[] lowest = new double[x.length];
        double[] highest = new double[x.length];
        boolean numeric = true;
        try (CsvWriter runs = new CsvWriter(top.file("study.csv"), List.of(st.key(), "seed", "final_test_risk",
                "final_train_risk", "success", "status"))) {
            int i = 0;
            for (int v = 0; v < st.values().size(); v++) {
                int ok = 0;
                double[] finals = new double[st.seeds().size()];
                for (int k = 0; k < st.seeds().size(); k++, i++) {
                    TrainingRun.Result r = results.get(i);
                    boolean success = r.outcome().ok() && r.finalTestRisk() < threshold;
                    ok += success ? 1 : 0;
                    finals[k] = r.outcome().ok() ? r.finalTestRisk() : Double.NaN;
                    runs.row(st.values().get(v), variants.get(i).seed(), r.finalTestRisk(), r.finalTrainRisk(), success,
                            r.outcome().status().name().toLowerCase());
                }
                double[] sorted = finals.clone();
                Arrays.sort(sorted);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("value", st.values().get(v));
                row.put("runs", st.seeds().size());
                row.put("successes", ok);
                row.put("success_rate", ok / (double) st.seeds().size());
                row.put("median_final_test_risk", BenchCommand.median(finals));
                row.put("min_final_test_risk", sorted[0]);
                row.put("max_final_test_risk", sorted[sorted.length - 1]);
                table.add(row);
                rate[v] = ok / (double) st.seeds().size();
                lowest[v] = sorted[0];
                highest[v] = sorted[sorted.length - 1];
                median[v] = BenchCommand.median(finals);
                try {
                    x[v] = Double.parseDouble(st.values().get(v));
                } catch (NumberFormatException e) {
                    numeric = false;
                    x[v] = v;
                }
            }
        }
        System.out.printf("%nsuccess (final held-out risk < %s) against %s, seeds %s:%n", threshold, st.key(),
                st.seeds());
        System.out.printf("  %-14s %6s %10s %14s %14s %14s%n", st.key(), "runs", "success", "median risk",
                "min risk", "max risk");
        for (Map<String, Object> row : table) {
            System.out.printf("  %-14s %6s %10s %14.5g %14.5g %14.5g%n", row.get("value"), row.get("runs"),
                    row.get("successes") + "/" + row.get("runs"), row.get("median_final_test_risk"),
                    row.get("min_final_test_risk"), row.get("max_final_test_risk"));
        }
        String xTitle = st.key() + (numeric ? "" : " (index)");
        int runs = st.seeds().size();
        double[] lowCi = new double[rate.length];
        double[] highCi = new double[rate.length];
        for (int v = 0; v < rate.length; v++) {
            // Wilson's 95% interval for a binomial fraction: inside [0, 1] and not empty at 0 or 1 successes.
            double z = 1.96;
            double centre = (rate[v] + z * z / (2 * runs)) / (1 + z * z / runs);
            double half = z / (1 + z * z / runs) * Math.sqrt(rate[v] * (1 - rate[v]) / runs
                    + z * z / (4.0 * runs * runs));
            lowCi[v] = Math.max(0, centre - half);
            highCi[v] = Math.min(1, centre + half);
        }
        String thresholdText = org.ensemble.plot.TickLabels.number(threshold);
        XYChart sc = LinePlot.create("Success rate (final held-out risk < " + thresholdText + ") against " + st.key(),
                xTitle, "fraction of " + runs + " seeds", x, Map.of(), numeric, false, true);
        Overlays.band(sc, "95% CI (Wilson)", x, lowCi, highCi, Palette.series(0));
        Overlays.points(sc, "success rate", x, rate, Palette.series(0),
                org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        Overlays.yRange(sc, x[0], 0, 1);
        ChartFiles.save(sc, top.file("plots"), "success-rate");
        XYChart rc = LinePlot.create("Final held-out risk against " + st.key() + " (" + runs + " seeds)", xTitle,
                "final held-out risk", x, Map.of(), numeric, true, true);
        Overlays.band(rc, "range over seeds (min … max)", x, lowest, highest, Palette.series(0));
        Overlays.line(rc, "median over seeds", x, median, Palette.series(0)).setMarker(
                org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        Overlays.horizontal(rc, "success threshold " + thresholdText, threshold, min(x), max(x));
        ChartFiles.save(rc, top.file("plots"), "final-risk");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("vary", st.key());
        out.put("seeds", st.seeds());
        out.put("success_risk", threshold);
        out.put("table", table);
        return out;
    }

    private static Map<String, Object> parity(TrainingScenario s, RunCollection top, boolean quiet) {
        TrainingScenario.ParityGradientSpec p = s.parityGradients().get();
        List<ParityGradientVariance.Result> results = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (CsvWriter csv = new CsvWriter(top.file("parity-gradients.csv"), List.of("d", "variance", "g_squared",
                "bound", "ratio", "identity", "sampled_variance", "sampled_se", "sampled_one_batch_variance"))) {
            for (int d : p.dimensions()) {
                if (!quiet) {
                    System.err.printf("parity gradients: d = %d (2^d = %d inputs, %d targets) ...%n", d, 1 << d, 1 << d);
                }
                ParityGradientVariance.Result e = ParityGradientVariance.exact(d, p.width(), s.network().activation(),
                        p.seed());
                ParityGradientVariance.Result sm = p.targets() > 1 ? ParityGradientVariance.sampled(d, p.width(),
                        s.network().activation(), p.seed(), p.targets(), p.batch(), p.seed() + 1) : null;
                results.add(e);
                if (sm != null) {
                    results.add(sm);
                }
                csv.row(d, e.variance(), e.gSquared(), e.bound(), e.variance() / e.bound(), e.identity(),
                        sm == null ? null : sm.variance(), sm == null ? null : sm.varianceStandardError(),
                        sm == null ? null : sm.noisyVariance());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("d", d);
                row.put("variance", e.variance());
                row.put("bound", e.bound());
                row.put("g_squared", e.gSquared());
                row.put("ratio", e.variance() / e.bound());
                if (sm != null) {
                    row.put("sampled_variance", sm.variance());
                    row.put("sampled_se", sm.varianceStandardError());
                }
                rows.add(row);
            }
        }
        ChartFiles.save(ParityGradientVariance.plot(results), top.file("plots"), "parity-gradient-variance");
        System.out.printf("parity: variance over the 2^d targets of the population gradient (width %d, %s) against"
                + " the bound G²/2^d:%n  %3s %14s %14s %10s%n", p.width(), s.network().activation().describe(), "d",
                "variance", "G²/2^d", "ratio");
        for (Map<String, Object> row : rows) {
            System.out.printf("  %3s %14.5g %14.5g %10.5f%n", row.get("d"), row.get("variance"), row.get("bound"),
                    row.get("ratio"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("width", p.width());
        out.put("seed", p.seed());
        out.put("loss", "E[(p - chi_S)^2]/2");
        out.put("rows", rows);
        return out;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(1);
    }

    /** A training sweep's final held-out risk against the varied key (risk against width, …). */
    private static void riskAgainst(String key, List<String> values, List<Double> risk, Path plots) {
        double[] x = new double[values.size()];
        boolean numeric = true;
        for (int i = 0; i < x.length; i++) {
            try {
                x[i] = Double.parseDouble(values.get(i));
            } catch (NumberFormatException e) {
                numeric = false;
            }
        }
        if (!numeric) {
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
        }
        XYChart c = LinePlot.create("Final held-out risk against " + key, key + (numeric ? "" : " (index)"),
                "final held-out risk", x, Map.of(), numeric, true, true);
        Overlays.line(c, "final held-out risk (one seed per value)", x,
                risk.stream().mapToDouble(Double::doubleValue).toArray(), Palette.series(0))
                .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        ChartFiles.save(c, plots, "final-risk");
    }
}
