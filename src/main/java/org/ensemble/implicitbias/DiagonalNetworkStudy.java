package org.ensemble.implicitbias;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.coordinates.CoordinateRecipe;
import org.ensemble.coordinates.CoordinateReport;
import org.ensemble.coordinates.CoordinateSpec;
import org.ensemble.coordinates.LossKind;
import org.ensemble.coordinates.Parameterisation;
import org.ensemble.reference.BasisPursuit;
import org.ensemble.reference.MinNormSolution;
import org.ensemble.reference.WoodworthPotential;
import org.ensemble.step.StepOutcome;

/**
 * The diagonal network w = u⊙u − v⊙v trained by GD on the square loss from u = v = α·1, for α over
 * decades: the limit is argmin Q_α subject to Xw = y (Woodworth et al. 2020), which is basis pursuit
 * as α → 0 and the min-ℓ2 interpolant as α → ∞. Data: X with N(0, 1/n) entries and a planted
 * {@code sparsity}-sparse w* (entries ±1, alternating, at indices 7k + 2 mod d), y = Xw*.
 *
 * <p>Step size. In w the GD step is w ← w − 4η(u² + v²)⊙g + O(η²), and u² + v² ≤ 2α² + |w|, so
 * η = lrScale/(4 λ_max(XᵀX/n) (2α² + W)) with W the largest |w_i| of the two reference solutions
 * keeps the effective step below lrScale/λ_max at every α. A small lrScale keeps GD close to the
 * flow whose limit is argmin Q_α: GD's u·v shrinks by Π(1 − 4η²g²), an effective α a little
 * below the nominal one, and that error is made while gradients are large. Once the loss is below
 * {@code boostBelow} the step is multiplied by {@code boost} (as long as lrScale·boost &lt; 2 this
 * stays stable): coordinates that overshot in the transient decay only like 1/t in the rich regime
 * (ẇ_j ∝ −|w_j|·w_j), so the final approach is long, and there η²g² is tiny. Each run stops when
 * the mean loss is below {@code lossTarget} (then w has stopped moving) or after {@code steps}.
 */
public final class DiagonalNetworkStudy {
    private DiagonalNetworkStudy() {
    }

    public record Params(int n, int d, int sparsity, double[] alphas, long steps, double lrScale, double lossTarget,
                         double boostBelow, double boost, int blockSize) implements BiasProblem {
        @Override
        public String key() {
            return "diagonal";
        }
    }

    /** The planted sparse vector: entries +1, −1, +1, … at indices 7k + 2 (mod d). */
    static double[] planted(int d, int sparsity) {
        double[] w = new double[d];
        for (int k = 0; k < sparsity; k++) {
            w[(7 * k + 2) % d] = k % 2 == 0 ? 1 : -1;
        }
        return w;
    }

    public static StudyResult run(Params p, long seed, CoordinateRunner runner) {
        return run(p, seed, runner, line -> { });
    }

    /** As above, telling {@code progress} one line per finished α. */
    public static StudyResult run(Params p, long seed, CoordinateRunner runner,
                                  java.util.function.Consumer<String> progress) {
        Designs rng = new Designs(seed, 2);
        double[][] x = rng.matrix(p.n(), p.d(), 1 / Math.sqrt(p.n()));
        double[] y = Designs.times(x, planted(p.d(), p.sparsity()));
        double[] l1 = BasisPursuit.solve(x, y);
        double[] l2 = MinNormSolution.solve(x, y);
        double lmax = Designs.gramRange(x)[1];
        double w = 0;
        for (int j = 0; j < p.d(); j++) {
            w = Math.max(w, Math.max(Math.abs(l1[j]), Math.abs(l2[j])));
        }
        List<List<Object>> rows = new ArrayList<>();
        Map<String, List<Double>> cols = new LinkedHashMap<>();
        for (String k : List.of("toL1", "toL2", "toQ", "qToL1", "qToL2")) {
            cols.put(k, new ArrayList<>());
        }
        double[] alphas = p.alphas().clone();
        java.util.Arrays.sort(alphas);
        String status = "completed";
        for (double alpha : alphas) {
            double eta = p.lrScale() / (4 * lmax * (2 * alpha * alpha + w));
            CoordinateSpec spec = new CoordinateSpec(new CoordinateRecipe(p.n(), p.d(), Designs.flat(x),
                    Parameterisation.SIGNED_SQUARES, alpha, eta, p.blockSize()), y, LossKind.SQUARE, p.steps(),
                    CoordinateSpec.logSpaced(p.steps(), 4), p.lossTarget(), p.boostBelow(), p.boost());
            CoordinateReport[] last = new CoordinateReport[1];
            StepOutcome o = runner.run(spec, r -> last[0] = r);
            if (last[0] == null || o.status() != org.ensemble.step.StepStatus.COMPLETED) {
                status = o.status().name().toLowerCase() + " at α = " + alpha + ": " + o.message();
                break;
            }
            double[] q = WoodworthPotential.argmin(x, y, alpha).w();
            double[] lim = last[0].weights();
            double[] v = {Designs.distance(lim, l1), Designs.distance(lim, l2), Designs.distance(lim, q),
                Designs.distance(q, l1), Designs.distance(q, l2)};
            int i = 0;
            for (List<Double> c : cols.values()) {
                c.add(v[i++]);
            }
            rows.add(List.of(alpha, eta, last[0].step(), last[0].loss(), v[0], v[1], v[2], v[3], v[4]));
            progress.accept(String.format("α = %-8.3g %7d steps  → basis pursuit %.2e  → min-ℓ2 %.2e  → argmin Q_α %.2e",
                    alpha, last[0].step(), v[0], v[1], v[2]));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("problem", p.key());
        summary.put("status", status);
        summary.put("n", p.n());
        summary.put("d", p.d());
        summary.put("sparsity", p.sparsity());
        summary.put("lr_scale", p.lrScale());
        summary.put("loss_target", p.lossTarget());
        summary.put("boost_below", p.boostBelow());
        summary.put("boost", p.boost());
        summary.put("basis_pursuit_l1", BasisPursuit.l1(l1));
        summary.put("min_norm_l2", Designs.norm(l2));
        if (!rows.isEmpty()) {
            int lastRow = rows.size() - 1;
            summary.put("smallest_alpha", alphas[0]);
            summary.put("smallest_alpha_distance_to_basis_pursuit", cols.get("toL1").get(0));
            summary.put("largest_alpha", alphas[lastRow]);
            summary.put("largest_alpha_distance_to_min_l2", cols.get("toL2").get(lastRow));
            summary.put("max_distance_to_argmin_q_alpha", cols.get("toQ").stream().mapToDouble(Double::doubleValue)
                    .max().orElse(Double.NaN));
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("GD limit → basis pursuit", StudyCharts.column(cols.get("toL1")));
        series.put("GD limit → min-ℓ2", StudyCharts.column(cols.get("toL2")));
        series.put("GD limit → argmin Q_α", StudyCharts.column(cols.get("toQ")));
        series.put("exact: argmin Q_α → basis pursuit", StudyCharts.column(cols.get("qToL1")));
        series.put("exact: argmin Q_α → min-ℓ2", StudyCharts.column(cols.get("qToL2")));
        double[] shownAlphas = java.util.Arrays.copyOf(alphas, rows.size());
        Map<String, org.knowm.xchart.XYChart> charts = rows.isEmpty() ? Map.of() : Map.of("distances",
                StudyCharts.line("Diagonal network u⊙u − v⊙v: limit of GD against init scale α (n = " + p.n() + ", d = "
                        + p.d() + ", " + p.sparsity() + "-sparse)", "init scale α (log)", "ℓ2 distance (log)",
                        shownAlphas, series, true, true, true));
        return new StudyResult(summary, List.of(new StudyResult.Table("alpha-sweep", List.of("alpha", "eta",
                "steps", "final_loss", "distance_to_basis_pursuit", "distance_to_min_l2",
                "distance_to_argmin_q_alpha", "argmin_q_alpha_to_basis_pursuit", "argmin_q_alpha_to_min_l2"),
                rows)), charts);
    }
}
