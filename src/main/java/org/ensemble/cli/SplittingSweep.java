package org.ensemble.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.output.CsvWriter;
import org.ensemble.output.RunCollection;
import org.ensemble.plot.ChartFiles;
import org.ensemble.plot.SplittingPlot;
import org.ensemble.run.SplittingRun;
import org.ensemble.scenario.SplittingScenario;
import org.ensemble.scenario.SplittingScenarioLoader;
import org.ensemble.splitting.AmsEstimate;
import org.ensemble.step.StopRequest;

/**
 * {@code ensemble sweep} over a splitting scenario: one complete splitting run (all its β) per value
 * of a key — dt for the discretisation bias, replicas or kill for the cost, the coordinate, the start
 * — each into its own point directory, then {@code sweep.csv} (one row per value and β: p, SE, the
 * exact value, z, p / exact) and {@code plots/sweep-ratio.png} (p / exact against a numeric key, ±2 SE, the
 * line at 1). Every value is loaded before anything runs, so a bad one is a one-line error with
 * nothing written. β itself is a list in the scenario, not a sweep.
 */
final class SplittingSweep {
    private SplittingSweep() {
    }

    static int run(Path file, String key, List<String> values, List<String> overrides, List<Long> seeds, Path out,
                   boolean quiet, boolean plots) {
        if (!seeds.isEmpty()) {
            throw new org.ensemble.scenario.ScenarioException("--seeds", 0, "", "a splitting scenario's independent"
                    + " runs are its splitting.runs (vary the seed itself with --vary seed=1,2,3)");
        }
        List<SplittingScenario> variants = new ArrayList<>();
        for (String value : values) {
            List<String> sets = new ArrayList<>(overrides);
            sets.add(key + "=" + value);
            variants.add(SplittingScenarioLoader.load(file, sets));
        }
        Path dir = out != null ? out : RunCommand.defaultOut(variants.get(0).name() + "-sweep");
        org.ensemble.run.Preflight.outputDirectory(dir);
        try (RunCollection sweep = RunCollection.create(dir); StopRequest stop = StopRequest.onSignals()) {
            List<List<AmsEstimate>> results = new ArrayList<>();
            for (int i = 0; i < variants.size() && !stop.getAsBoolean(); i++) {
                System.out.printf("== %s = %s (%d of %d)%n", key, values.get(i), i + 1, variants.size());
                results.add(SplittingRun.execute(variants.get(i), sweep.point(key + "=" + values.get(i)), quiet, plots,
                        System.out, stop));
            }
            List<Double> betas = new ArrayList<>();
            try (CsvWriter table = new CsvWriter(sweep.file("sweep.csv"), List.of(key, "beta", "p", "se", "rel_se",
                    "exact", "z", "ratio", "ratio_se", "particle_steps"))) {
                for (int i = 0; i < results.size(); i++) {
                    for (AmsEstimate e : results.get(i)) {
                        table.row(values.get(i), e.beta(), e.p(), e.se(), e.relSe(), e.exact(), e.z(),
                                e.p() / e.exact(), e.se() / e.exact(), e.amsSteps());
                        if (!betas.contains(e.beta())) {
                            betas.add(e.beta());
                        }
                    }
                }
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("scenario", variants.get(0).name());
            summary.put("vary", key);
            summary.put("values", values);
            summary.put("completed", results.stream().filter(r -> !r.isEmpty()).count());
            org.ensemble.run.EscapeRun.json(sweep.file("sweep.json"), summary);
            if (plots && !betas.isEmpty()) {
                plot(sweep, key, values, results, betas, variants.get(0).ams().dimension() == 1
                        ? "exact committor (quadrature)" : "committor of the Fokker–Planck grid");
            }
            System.out.println("sweep outputs: " + sweep.commit());
            if (stop.getAsBoolean()) {
                return stop.exitCode();
            }
            return results.stream().allMatch(r -> !r.isEmpty()) ? 0 : Main.EXIT_FAILURE;
        }
    }

    /** p / exact against the value, one series per β, when the values are numbers. */
    private static void plot(RunCollection sweep, String key, List<String> values, List<List<AmsEstimate>> results,
                             List<Double> betas, String exactName) {
        double[] x = new double[results.size()];
        for (int i = 0; i < x.length; i++) {
            try {
                x[i] = Double.parseDouble(values.get(i));
            } catch (NumberFormatException e) {
                return; // a coordinate name, say: the table says it all
            }
        }
        double[][] ratio = new double[betas.size()][x.length];
        double[][] se = new double[betas.size()][x.length];
        for (double[] r : ratio) {
            java.util.Arrays.fill(r, Double.NaN);
        }
        for (int i = 0; i < x.length; i++) {
            for (AmsEstimate e : results.get(i)) {
                int b = betas.indexOf(e.beta());
                ratio[b][i] = e.p() / e.exact();
                se[b][i] = e.se() / e.exact();
            }
        }
        if (java.util.Arrays.stream(ratio).flatMapToDouble(java.util.Arrays::stream).noneMatch(Double::isFinite)) {
            return; // no exact value (a 2-D potential without a committor grid)
        }
        ChartFiles.save(SplittingPlot.sweep("Splitting sweep over " + key + ": estimate against the " + exactName,
                key, x, betas.stream().mapToDouble(Double::doubleValue).toArray(), ratio, se, exactName),
                sweep.file("plots"), "sweep-ratio");
    }
}
