package org.ensemble.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.checkpoint.Checkpoint;
import org.ensemble.output.CsvWriter;
import org.ensemble.output.RunCollection;
import org.ensemble.run.EscapeRun;
import org.ensemble.run.SgdRun;
import org.ensemble.run.SgdStabilityStudy;
import org.ensemble.scenario.SgdScenario;
import org.ensemble.scenario.SgdScenarioLoader;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;
import org.ensemble.step.StopRequest;

/** {@code ensemble run} and {@code ensemble sweep} for SGD-workers scenarios (a {@code workers} section). */
final class SgdCommands {
    private SgdCommands() {
    }

    static int run(Path file, List<String> overrides, Path out, boolean quiet, boolean plots, Checkpoint resume) {
        MetricsOptions none = new MetricsOptions();
        none.disabled = true;
        return run(file, overrides, out, quiet, plots, resume, none);
    }

    /** As above, with live metrics (one set of meters for the run; the stability study's many short runs have none). */
    static int run(Path file, List<String> overrides, Path out, boolean quiet, boolean plots, Checkpoint resume,
                   MetricsOptions metrics) {
        SgdScenario s = SgdScenarioLoader.load(file, overrides);
        if (resume != null && s.stability().isPresent()) {
            throw new IllegalArgumentException(file + ": a stability study cannot be resumed (its runs are short);"
                    + " run it again");
        }
        Path dir = out != null ? out : RunCommand.defaultOut(s.name());
        org.ensemble.run.Preflight.outputDirectory(dir);
        try (StopRequest stop = StopRequest.onSignals()) {
            if (s.stability().isPresent()) {
                boolean ok = SgdStabilityStudy.execute(s, dir, quiet, plots, System.out, stop);
                return stop.getAsBoolean() ? stop.exitCode() : ok ? 0 : Main.EXIT_FAILURE;
            }
            metrics.quiet = quiet;
            metrics.start();
            try {
                var sink = metrics.sgdSink(s.name(), dir.getFileName().toString(), s.seed(), s.settings().workers(),
                        s.settings().versions(), s.settings().samplesPerUpdate());
                SgdRun.Result r = SgdRun.execute(s, dir, quiet, plots, System.out, stop, resume, sink);
                return r.outcome().status() == StepStatus.INTERRUPTED ? stop.exitCode() : exit(r.outcome());
            } finally {
                metrics.finish();
            }
        }
    }

    static int exit(StepOutcome o) {
        return switch (o.status()) {
            case COMPLETED, ALL_ABSORBED -> 0;
            case DIVERGED -> Main.EXIT_DIVERGED;
            default -> Main.EXIT_FAILURE;
        };
    }

    /** One run per value of {@code key} (all validated first) and {@code sweep.csv} of final loss and stationary error. */
    static int sweep(Path file, String key, List<String> values, List<String> overrides, Path out, boolean quiet,
                     boolean plots) {
        List<SgdScenario> variants = new ArrayList<>();
        for (String value : values) {
            List<String> sets = new ArrayList<>(overrides);
            sets.add(key + "=" + value);
            SgdScenario v = SgdScenarioLoader.load(file, sets);
            if (v.stability().isPresent()) {
                throw new IllegalArgumentException(file + ": a stability study is its own sweep; run it with"
                        + " 'ensemble run'");
            }
            variants.add(v);
        }
        Path dir = out != null ? out : RunCommand.defaultOut(variants.get(0).name() + "-sweep");
        org.ensemble.run.Preflight.outputDirectory(dir);
        int worst = 0;
        try (RunCollection sweep = RunCollection.create(dir); StopRequest stop = StopRequest.onSignals()) {
            List<SgdRun.Result> results = new ArrayList<>();
            for (int i = 0; i < variants.size() && !stop.getAsBoolean(); i++) {
                System.out.printf("== %s = %s (%d of %d)%n", key, values.get(i), i + 1, variants.size());
                results.add(SgdRun.execute(variants.get(i), sweep.point(key + "=" + values.get(i)), quiet, plots,
                        System.out, stop, null));
                worst = Math.max(worst, exit(results.get(i).outcome()));
            }
            try (CsvWriter table = new CsvWriter(sweep.file("sweep.csv"), List.of(key, "status", "versions",
                    "final_loss", "stationary_mean_squared_error", "stationary_se", "exact", "mean_staleness",
                    "effective_mu", "effective_mu_se", "step_over_lr"))) {
                for (int i = 0; i < results.size(); i++) {
                    Map<String, Object> sum = results.get(i).summary();
                    Map<?, ?> st = sum.get("stationary") instanceof Map<?, ?> m ? m : Map.of();
                    Map<?, ?> mu = sum.get("effective_momentum") instanceof Map<?, ?> m ? m : Map.of();
                    table.row(values.get(i), sum.get("status"), ((Map<?, ?>) sum.get("run")).get("versions"),
                            ((Map<?, ?>) sum.get("loss")).get("final"), st.get("mean_squared_error"),
                            st.get("standard_error"), st.get("exact"), ((Map<?, ?>) sum.get("staleness")).get("mean"),
                            mu.get("mu"), mu.get("mu_se"), mu.get("step_over_lr"));
                }
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
        }
        return worst;
    }
}
