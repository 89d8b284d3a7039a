package org.ensemble.implicitbias;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.coordinates.CoordinateRecipe;
import org.ensemble.coordinates.CoordinateSpec;
import org.ensemble.coordinates.LossKind;
import org.ensemble.coordinates.Parameterisation;
import org.ensemble.reference.MinNormSolution;
import org.ensemble.step.StepOutcome;

/**
 * GD from w = 0 on underdetermined least squares (n &lt; d) stays in the row space of X, so its limit
 * is the minimum ℓ2-norm interpolant X⁺y. Data: X with N(0, 1/n) entries, y ~ N(0, I). Step
 * η = lrScale/λ_max(XᵀX/n); the exact envelope of the distance is (1 − ηλ_min)^t ‖X⁺y‖ (λ over the
 * row space), drawn beside the measurement.
 */
public final class LeastSquaresStudy {
    private LeastSquaresStudy() {
    }

    public record Params(int n, int d, long steps, double lrScale, int blockSize) implements BiasProblem {
        @Override
        public String key() {
            return "least-squares";
        }
    }

    public static StudyResult run(Params p, long seed, CoordinateRunner runner) {
        Designs rng = new Designs(seed, 1);
        double[][] x = rng.matrix(p.n(), p.d(), 1 / Math.sqrt(p.n()));
        double[] y = rng.matrix(1, p.n(), 1)[0];
        double[] exact = MinNormSolution.solve(x, y);
        double[] range = Designs.gramRange(x);
        double eta = p.lrScale() / range[1];
        long every = Math.max(1, p.steps() / 200);
        List<Long> reports = new ArrayList<>();
        for (long s = 0; s <= p.steps(); s += every) {
            reports.add(s);
        }
        CoordinateSpec spec = new CoordinateSpec(new CoordinateRecipe(p.n(), p.d(), Designs.flat(x),
                Parameterisation.LINEAR, 0, eta, p.blockSize()), y, LossKind.SQUARE, p.steps(),
                reports.stream().mapToLong(Long::longValue).toArray());
        List<List<Object>> rows = new ArrayList<>();
        List<Double> t = new ArrayList<>();
        List<Double> dist = new ArrayList<>();
        List<Double> envelope = new ArrayList<>();
        double normExact = Designs.norm(exact);
        double[] last = new double[p.d()];
        StepOutcome o = runner.run(spec, r -> {
            double dd = Designs.distance(r.weights(), exact);
            double env = Math.pow(1 - eta * range[0], r.step()) * normExact;
            rows.add(List.of(r.step(), r.loss(), dd, env));
            t.add((double) r.step());
            dist.add(dd);
            envelope.add(env);
            System.arraycopy(r.weights(), 0, last, 0, last.length);
        });
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("problem", p.key());
        summary.put("status", o.status().name().toLowerCase());
        summary.put("n", p.n());
        summary.put("d", p.d());
        summary.put("steps", o.steps());
        summary.put("eta", eta);
        summary.put("gram_lambda_min", range[0]);
        summary.put("gram_lambda_max", range[1]);
        summary.put("min_norm_solution_norm", normExact);
        summary.put("final_distance_to_min_norm", dist.isEmpty() ? Double.NaN : dist.get(dist.size() - 1));
        summary.put("final_norm", Designs.norm(last));
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("GD from 0: ‖w_t − X⁺y‖", StudyCharts.column(dist));
        series.put("exact envelope (1 − ηλ_min)^t ‖X⁺y‖", StudyCharts.column(envelope));
        return new StudyResult(summary, List.of(new StudyResult.Table("trajectory",
                List.of("step", "loss", "distance_to_min_norm", "envelope"), rows)),
                Map.of("distance", StudyCharts.line("Least squares: GD from zero → minimum-norm solution (n = " + p.n()
                        + ", d = " + p.d() + ")", "step t", "distance to X⁺y (log)", StudyCharts.column(t), series,
                        false, true, false)));
    }
}
