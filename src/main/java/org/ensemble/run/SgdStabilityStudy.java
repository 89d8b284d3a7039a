package org.ensemble.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.ensemble.output.CsvWriter;
import org.ensemble.output.RunDirectory;
import org.ensemble.plot.ChartFiles;
import org.ensemble.plot.StabilityPlot;
import org.ensemble.scenario.SgdScenario;
import org.ensemble.sgd.SgdPopulation;
import org.ensemble.sgd.SgdReport;
import org.ensemble.sgd.StabilityPoint;
import org.ensemble.sgd.StabilityProbe;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;

/**
 * The staleness study of an SGD-workers scenario with a {@code stability} block: for each delay τ and
 * step η of the grid, one noise-free actor run with M = τ + 1 workers under ASP with fixed compute
 * times (so every gradient is exactly τ versions stale: x_{t+1} = x_t − ηλ x_{t−τ}), its measured
 * growth rate, and per τ the measured boundary (last decaying and first growing ηλ) against the exact
 * 2 sin(π/(2(2τ+1))). Writes {@code stability.csv}, {@code summary.json} and {@code plots/stability}.
 */
public final class SgdStabilityStudy {
    private SgdStabilityStudy() {
    }

    public static boolean execute(SgdScenario s, Path out, boolean quiet, boolean plots, PrintStream console,
                                  BooleanSupplier stop) {
        SgdScenario.StabilitySpec spec = s.stability().orElseThrow();
        double lambda = s.curvature()[0];
        // Every variant is validated before any runs.
        List<SgdScenario> variants = new ArrayList<>();
        for (int tau : spec.taus()) {
            for (double lr : spec.lrs()) {
                variants.add((SgdScenario) s.withOverrides(List.of("workers.count=" + (tau + 1),
                        "workers.policy=asp", "workers.lr=" + lr, "workers.delay.model=fixed", "workers.delay.mean=1",
                        "workers.delay.stragglers=0", "model.noise-sd=[0]", "run.versions=" + spec.versions(),
                        "run.report-every=100", "run.burn-in=0", "run.init=[1]")));
            }
        }
        List<StabilityPoint> points = new ArrayList<>();
        int i = 0;
        for (int tau : spec.taus()) {
            for (double lr : spec.lrs()) {
                if (stop.getAsBoolean()) {
                    break;
                }
                List<SgdReport> reports = new ArrayList<>();
                StepOutcome o = SgdPopulation.run(variants.get(i++), reports::add);
                if (o.status() != StepStatus.COMPLETED && o.status() != StepStatus.DIVERGED) {
                    throw new RunFailedException("stability point τ = " + tau + ", η = " + lr + ": " + o.message());
                }
                boolean diverged = o.status() == StepStatus.DIVERGED;
                points.add(new StabilityPoint(tau, lr, lr * lambda, StabilityProbe.growthRate(reports, diverged),
                        diverged ? o.steps() : 0, StabilityProbe.boundary(tau)));
            }
            if (!quiet) {
                System.err.printf("stability: τ = %d done (%d of %d points)%n", tau, points.size(), variants.size());
            }
        }
        try (RunDirectory dir = RunDirectory.create(out)) {
            EscapeRun.write(dir.file("scenario.conf"), s.render());
            try (CsvWriter csv = new CsvWriter(dir.file("stability.csv"), List.of("tau", "lr", "lr_lambda",
                    "growth_rate", "diverged_at_version", "grows", "exact_boundary"))) {
                for (StabilityPoint p : points) {
                    csv.row(p.tau(), p.lr(), p.lrLambda(), p.growthRate(), p.divergedAt(), p.grows(),
                            p.exactBoundary());
                }
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("scenario", s.name());
            summary.put("status", points.size() == variants.size() ? "completed" : "interrupted");
            summary.put("lambda", lambda);
            summary.put("versions_per_point", spec.versions());
            List<Map<String, Object>> per = new ArrayList<>();
            boolean allWithin = true;
            for (int tau : spec.taus()) {
                Map<String, Object> m = bracket(points, tau);
                allWithin &= Boolean.TRUE.equals(m.get("exact_within_bracket"));
                per.add(m);
            }
            summary.put("per_tau", per);
            summary.put("all_within_one_grid_step", allWithin);
            summary.put("note", "growth rate: ½ ln(W_last/W_half)/(v_last − v_half), W the window mean of x² over"
                    + " 100 versions; grows means rate > 0 or diverged; exact boundary 2 sin(π/(2(2τ+1)))");
            EscapeRun.json(dir.file("summary.json"), summary);
            if (plots) {
                plot(s, points, spec, dir.file("plots"));
            }
            Path done = dir.commit();
            for (Map<String, Object> m : per) {
                console.printf("τ = %s: measured boundary of ηλ in (%s, %s], exact %.4f%s%n", m.get("tau"),
                        m.get("last_decaying_lr_lambda"), m.get("first_growing_lr_lambda"), (Double) m.get("exact"),
                        Boolean.TRUE.equals(m.get("exact_within_bracket")) ? "" : "  (NOT within one grid step)");
            }
            console.println("  outputs: " + done);
            return allWithin;
        }
    }

    /** Per τ: the last decaying and first growing ηλ, and whether the exact boundary lies between them. */
    private static Map<String, Object> bracket(List<StabilityPoint> points, int tau) {
        Double lastStable = null;
        Double firstGrowing = null;
        boolean monotone = true;
        for (StabilityPoint p : points) {
            if (p.tau() != tau) {
                continue;
            }
            if (!p.grows()) {
                if (firstGrowing != null) {
                    monotone = false;
                }
                lastStable = p.lrLambda();
            } else if (firstGrowing == null) {
                firstGrowing = p.lrLambda();
            }
        }
        double exact = StabilityProbe.boundary(tau);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tau", tau);
        m.put("exact", exact);
        m.put("last_decaying_lr_lambda", lastStable);
        m.put("first_growing_lr_lambda", firstGrowing);
        m.put("monotone", monotone);
        m.put("exact_within_bracket", monotone && lastStable != null && firstGrowing != null && lastStable < exact
                && exact <= firstGrowing);
        return m;
    }

    private static void plot(SgdScenario s, List<StabilityPoint> points, SgdScenario.StabilitySpec spec, Path dir) {
        List<double[]> stable = new ArrayList<>();
        List<double[]> growing = new ArrayList<>();
        for (StabilityPoint p : points) {
            (p.grows() ? growing : stable).add(new double[]{p.tau(), p.lrLambda()});
        }
        int maxTau = spec.taus().stream().mapToInt(Integer::intValue).max().orElse(0);
        int n = 200;
        double[] tx = new double[n + 1];
        double[] ty = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            tx[k] = maxTau * (double) k / n;
            ty[k] = StabilityProbe.boundary(tx[k]);
        }
        ChartFiles.save(StabilityPlot.create("Delayed SGD x' = x − ηλ·x(τ versions ago): measured stability vs exact"
                        + " boundary", "delay τ (server versions)", "ηλ", col(stable, 0), col(stable, 1),
                col(growing, 0), col(growing, 1), tx, ty, "exact boundary 2 sin(π/(2(2τ+1)))"), dir, "stability");
    }

    private static double[] col(List<double[]> rows, int c) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }
}
