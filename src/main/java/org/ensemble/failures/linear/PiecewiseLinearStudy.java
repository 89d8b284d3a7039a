package org.ensemble.failures.linear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ensemble.coordinates.CoordinateRecipe;
import org.ensemble.coordinates.CoordinateSpec;
import org.ensemble.coordinates.LossKind;
import org.ensemble.coordinates.Parameterisation;
import org.ensemble.implicitbias.CoordinateRunner;
import org.ensemble.implicitbias.Designs;
import org.ensemble.implicitbias.StudyResult;
import org.ensemble.plot.LinePlot;
import org.ensemble.plot.Overlays;
import org.ensemble.plot.Palette;
import org.ensemble.random.Streams;
import org.ensemble.step.StepStatus;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Piecewise-linear curves (Shalev-Shwartz–Shamir–Shammah 2017, §4): recover the slope changes p
 * (a_r at knots θ_r, {@code knots} of them, N(0, 1)) from the samples f = W p with a linear model,
 * full-batch GD from 0 on ½‖Xp − y‖²/n (a coordinate population, the n knots its members), step
 * η = lrScale/λ_max. Two designs: the samples themselves (X = W, whose Hessian's condition number κ
 * grows like n⁴) and the paper's well-conditioned reparameterisation, the second differences Δ²f
 * (X = D·W = I, κ = 1). For each n: κ (exact, from the eigen-decomposition), the measured first step
 * with ‖p_t − p*‖ ≤ ε‖p*‖, the same count in exact arithmetic from the eigen-decomposition, and the
 * bound ln(1/ε)/(−ln(1 − lrScale/κ)) ≈ κ ln(1/ε)/lrScale that no run may exceed.
 */
public final class PiecewiseLinearStudy {
    private PiecewiseLinearStudy() {
    }

    public record Params(int[] sizes, int knots, double epsilon, double lrScale, int blockSize) implements LinearFailureProblem {
        @Override
        public String key() {
            return "piecewise-linear";
        }
    }

    /** One (n, design) row of the table. */
    public record Row(int n, String design, double kappa, long measured, long exact, long bound) {
    }

    public static StudyResult run(Params p, long seed, CoordinateRunner runner, Consumer<String> progress) {
        List<Row> rows = rows(p, seed, runner, progress);
        List<List<Object>> table = new ArrayList<>();
        for (Row r : rows) {
            table.add(List.of(r.n(), r.design(), r.kappa(), r.measured(), r.exact(), r.bound(),
                    r.measured() / r.kappa()));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        String status = rows.stream().allMatch(r -> r.measured() >= 0) ? "completed" : "failed: ε not reached";
        summary.put("status", status);
        summary.put("epsilon", p.epsilon());
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("condition_number", r.kappa());
            m.put("iterations", r.measured());
            m.put("iterations_exact_arithmetic", r.exact());
            m.put("iterations_bound", r.bound());
            summary.put(r.design() + "_n" + r.n(), m);
        }
        return new StudyResult(summary, List.of(new StudyResult.Table("piecewise_linear_iterations",
                List.of("n", "design", "condition_number", "iterations", "iterations_exact_arithmetic",
                        "iterations_bound", "iterations_over_kappa"), table)),
                Map.of("piecewise_linear_iterations", chart(p, rows)));
    }

    public static List<Row> rows(Params p, long seed, CoordinateRunner runner, Consumer<String> progress) {
        List<Row> out = new ArrayList<>();
        for (int n : p.sizes()) {
            double[] target = target(n, p.knots(), seed);
            double[][] w = PiecewiseLinearCurves.design(n);
            double[] f = Designs.times(w, target);
            out.add(row(p, n, "samples", w, f, target, runner));
            out.add(row(p, n, "second-differences", PiecewiseLinearCurves.secondDifferenceRows(w),
                    PiecewiseLinearCurves.secondDifference(f), target, runner));
            progress.accept("n = " + n + ": κ = " + String.format("%.4g", out.get(out.size() - 2).kappa())
                    + ", " + out.get(out.size() - 2).measured() + " iterations; Δ²f: "
                    + out.get(out.size() - 1).measured());
        }
        return out;
    }

    /** min(knots, n) slope changes N(0, 1) at distinct knots, from Philox keyed by (seed, n). */
    static double[] target(int n, int knots, long seed) {
        double[] p = new double[n];
        int placed = 0;
        long draw = 0;
        while (placed < Math.min(knots, n)) {
            int j = ExampleOrder.uniformIndex(n, seed, n, draw++);
            if (p[j] == 0) {
                p[j] = Streams.auxNormal(seed, n, Streams.STREAM_TEACHER, draw);
                placed += p[j] != 0 ? 1 : 0;
            }
        }
        return p;
    }

    private static Row row(Params p, int n, String design, double[][] x, double[] y, double[] target,
                           CoordinateRunner runner) {
        PiecewiseLinearCurves.Spectrum s = PiecewiseLinearCurves.spectrum(x);
        double lmax = s.values()[n - 1];
        double eta = p.lrScale() / lmax;
        double kappa = s.conditionNumber();
        long bound = (long) Math.ceil(Math.log(1 / p.epsilon()) / -Math.log1p(-p.lrScale() / kappa));
        long budget = bound + 10; // the bound holds in exact arithmetic; 10 steps of slack for rounding
        long exact = s.exactIterations(target, eta, p.epsilon(), budget);
        long[] every = new long[(int) budget + 1];
        for (int t = 0; t <= budget; t++) {
            every[t] = t;
        }
        double norm = Designs.norm(target);
        long[] first = {-1};
        CoordinateSpec spec = new CoordinateSpec(new CoordinateRecipe(n, n, Designs.flat(x), Parameterisation.LINEAR,
                0, eta, p.blockSize()), y, LossKind.SQUARE, budget, every);
        var o = runner.run(spec, r -> {
            if (first[0] < 0 && Designs.distance(r.weights(), target) <= p.epsilon() * norm) {
                first[0] = r.step();
            }
        });
        if (o.status() != StepStatus.COMPLETED) {
            throw new org.ensemble.run.RunFailedException("the study did not finish (nothing was written): "
                        + design + " n = " + n + " ended " + o.status().name().toLowerCase() + " " + o.message());
        }
        return new Row(n, design, kappa, first[0], exact, bound);
    }

    private static XYChart chart(Params p, List<Row> rows) {
        List<Row> direct = rows.stream().filter(r -> r.design().equals("samples")).toList();
        List<Row> reparam = rows.stream().filter(r -> !r.design().equals("samples")).toList();
        double[] k = direct.stream().mapToDouble(Row::kappa).toArray();
        double[] it = direct.stream().mapToDouble(r -> Math.max(r.measured(), 1)).toArray();
        double[] ex = direct.stream().mapToDouble(r -> Math.max(r.exact(), 1)).toArray();
        double[] bound = direct.stream().mapToDouble(r -> r.bound()).toArray();
        XYChart c = LinePlot.create("Piecewise-linear curves: GD iterations to ‖p − p*‖ ≤ " + p.epsilon()
                        + "‖p*‖ (n = " + direct.get(0).n() + " … " + direct.get(direct.size() - 1).n() + " samples)",
                "condition number κ of the Hessian", "GD iterations", k, Map.of(), true, true, false);
        Overlays.points(c, "reading f (measured)", k, it, Palette.series(0), SeriesMarkers.CIRCLE);
        Overlays.points(c, "reading f (exact arithmetic, eigen-decomposition)", k, ex, Palette.series(1),
                SeriesMarkers.CROSS);
        Overlays.theoryLine(c, "bound ln(1/ε)/(−ln(1 − " + p.lrScale() + "/κ)) ≈ κ ln(1/ε)/" + p.lrScale(), k, bound);
        double[] rk = reparam.stream().mapToDouble(Row::kappa).toArray();
        double[] rit = reparam.stream().mapToDouble(r -> Math.max(r.measured(), 1)).toArray();
        Overlays.points(c, "reading Δ²f, κ = 1 (measured, every n)", rk, rit, Palette.series(2), SeriesMarkers.DIAMOND);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        return c;
    }
}
