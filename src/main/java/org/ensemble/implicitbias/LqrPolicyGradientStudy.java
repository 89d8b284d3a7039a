package org.ensemble.implicitbias;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.ensemble.reference.DiscreteRiccati;
import org.ensemble.reference.LqrCost;

/**
 * Policy gradient on a small LQR problem (Fazel et al. 2018): K ← K − η ∇J(K) from a stabilising
 * K₀, with the exact gradient 2[(R + BᵀP_K B)K − BᵀP_K A]Σ_K; J is gradient dominated, so the cost
 * gap J(K_t) − J* to the Riccati optimum falls linearly (the rate is fitted). As an extra, the same
 * iteration with a sampled two-point zeroth-order gradient D·(J(K + rU) − J(K − rU))/(2r)·U, U uniform
 * on the unit sphere of the D = m·n gain entries, from exact costs: its error scales with ‖∇J‖ (plus
 * an O(r²) smoothing bias), so the gap still falls linearly, more slowly and noisily than with the
 * exact gradient.
 *
 * <p>Plain iterations, not a population: the state is one m × n gain whose cost couples every entry.
 */
public final class LqrPolicyGradientStudy {
    private LqrPolicyGradientStudy() {
    }

    /** A (n × n) and B (n × m) row-major; Q = q I, R = r I, Σ₀ = I; K₀ = 0 (A must be stable). */
    public record Params(int stateDim, int inputDim, double[] a, double[] b, double q, double r, long iterations,
                         double lr, long sampledIterations, int samples, double radius) implements BiasProblem {
        @Override
        public String key() {
            return "lqr";
        }
    }

    public static StudyResult run(Params p, long seed) {
        int n = p.stateDim();
        int m = p.inputDim();
        RealMatrix a = MatrixUtils.createRealMatrix(n, n);
        RealMatrix b = MatrixUtils.createRealMatrix(n, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.setEntry(i, j, p.a()[i * n + j]);
            }
            for (int j = 0; j < m; j++) {
                b.setEntry(i, j, p.b()[i * m + j]);
            }
        }
        RealMatrix q = MatrixUtils.createRealIdentityMatrix(n).scalarMultiply(p.q());
        RealMatrix r = MatrixUtils.createRealIdentityMatrix(m).scalarMultiply(p.r());
        LqrCost cost = new LqrCost(a, b, q, r, MatrixUtils.createRealIdentityMatrix(n));
        DiscreteRiccati.Solution dare = DiscreteRiccati.solve(a, b, q, r);
        double jStar = dare.p().getTrace();
        RealMatrix k = MatrixUtils.createRealMatrix(m, n);
        if (!Double.isFinite(cost.cost(k))) {
            throw new IllegalArgumentException("K = 0 does not stabilise A: give a stable A");
        }
        List<List<Object>> rows = new ArrayList<>();
        List<Double> it = new ArrayList<>();
        List<Double> gap = new ArrayList<>();
        List<double[]> fit = new ArrayList<>();
        String status = "completed";
        for (long t = 0; t <= p.iterations(); t++) {
            double j = cost.cost(k);
            if (!Double.isFinite(j)) {
                status = "diverged at iteration " + t + ": the policy became unstable (step size too large)";
                break;
            }
            double g = j - jStar;
            rows.add(List.of(t, "exact", j, g));
            it.add((double) t);
            gap.add(g);
            if (g > 1e-11 * jStar && g < 1e-2 * jStar) {
                fit.add(new double[] {t, Math.log(g)});
            }
            if (t < p.iterations()) {
                k = k.subtract(cost.gradient(k).scalarMultiply(p.lr()));
            }
        }
        // The sampled-gradient extra.
        Designs rng = new Designs(seed, 5);
        RealMatrix ks = MatrixUtils.createRealMatrix(m, n);
        List<Double> sampledGap = new ArrayList<>();
        int dim = m * n;
        for (long t = 0; t <= p.sampledIterations(); t++) {
            double j = cost.cost(ks);
            if (!Double.isFinite(j)) {
                break;
            }
            rows.add(List.of(t, "sampled", j, j - jStar));
            sampledGap.add(j - jStar);
            if (t == p.sampledIterations()) {
                break;
            }
            RealMatrix est = MatrixUtils.createRealMatrix(m, n);
            for (int s = 0; s < p.samples(); s++) {
                RealMatrix dir = MatrixUtils.createRealMatrix(m, n);
                double norm = 0;
                for (int i = 0; i < m; i++) {
                    for (int c = 0; c < n; c++) {
                        double v = rng.gaussian();
                        dir.setEntry(i, c, v);
                        norm += v * v;
                    }
                }
                dir = dir.scalarMultiply(1 / Math.sqrt(norm));
                double diff = cost.cost(ks.add(dir.scalarMultiply(p.radius())))
                        - cost.cost(ks.subtract(dir.scalarMultiply(p.radius())));
                est = est.add(dir.scalarMultiply(dim * diff / (2 * p.radius() * p.samples())));
            }
            ks = ks.subtract(est.scalarMultiply(p.lr()));
        }
        double slope = fit.size() >= 2 ? MaxMarginStudy.slope(fit) : Double.NaN;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("problem", p.key());
        summary.put("status", status);
        summary.put("riccati_cost", jStar);
        summary.put("riccati_residual", dare.residual());
        summary.put("lr", p.lr());
        summary.put("iterations", it.isEmpty() ? 0 : it.get(it.size() - 1).longValue());
        summary.put("final_cost_gap", gap.isEmpty() ? Double.NaN : gap.get(gap.size() - 1));
        summary.put("fitted_linear_rate", Math.exp(slope));
        summary.put("fit_points", fit.size());
        summary.put("sampled_final_cost_gap", sampledGap.isEmpty() ? Double.NaN
                : sampledGap.get(sampledGap.size() - 1));
        double[] x = StudyCharts.column(it);
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("exact policy gradient: J(K_t) − J*", StudyCharts.column(gap));
        double[] fitted = new double[x.length];
        double intercept = fit.isEmpty() ? 0 : fit.get(0)[1] - slope * fit.get(0)[0];
        for (int i = 0; i < x.length; i++) {
            fitted[i] = Math.exp(intercept + slope * x[i]);
        }
        series.put(String.format("fit: linear rate ρ = %.5f per iteration", Math.exp(slope)), fitted);
        Map<String, org.knowm.xchart.XYChart> charts = new LinkedHashMap<>();
        charts.put("cost-gap", StudyCharts.line("LQR policy gradient: cost gap to the Riccati optimum J* = "
                + String.format("%.6f", jStar), "iteration", "J(K_t) − J* (log)", x, series, false, true, false));
        if (sampledGap.size() > 1) {
            double[] xs = new double[sampledGap.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = i;
            }
            double[] exactPart = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                exactPart[i] = i < gap.size() ? gap.get(i) : gap.get(gap.size() - 1);
            }
            Map<String, double[]> ss = new LinkedHashMap<>();
            ss.put("sampled two-point gradient (" + p.samples() + " directions per step, r = " + p.radius() + ")",
                    StudyCharts.column(sampledGap));
            ss.put("exact gradient (same step size)", exactPart);
            charts.put("sampled-gradient", StudyCharts.line("LQR policy gradient with sampled gradients: cost gap",
                    "iteration", "J(K_t) − J* (log)", xs, ss, false, true, false));
        }
        return new StudyResult(summary, List.of(new StudyResult.Table("cost-gap", List.of("iteration", "gradient",
                "cost", "cost_gap"), rows)), charts);
    }
}
