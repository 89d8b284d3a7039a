package org.ensemble.failures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.ensemble.implicitbias.StudyResult;
import org.ensemble.network.Activation;
import org.ensemble.network.ParityGradientVariance;
import org.ensemble.plot.LinePlot;
import org.ensemble.plot.Overlays;
import org.ensemble.plot.Palette;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Parity at scale: fresh samples on {±1}^d, a budget of steps·batch samples far below 2^d. The full parity's
 * population gradient varies over the 2^d targets by at most G²/2^d, so at d ≥ 30 SGD sees nothing that tells
 * its target apart and stays at the trivial risk 1/2 (the best constant for balanced ±1 labels under
 * (1/2)(f − y)²); a k-sparse parity with small k has a signal of order d^{−(k−1)} and is learnt by the same
 * budget. Rows per run, a summary per (d, parity), and the gradient variance against the bound.
 */
public final class ParityScaleStudy {
    /** (1/2)E(0 − y)² for y = ±1: the risk of predicting 0, and of any constant on balanced labels. */
    public static final double TRIVIAL_RISK = 0.5;

    private ParityScaleStudy() {
    }

    public static StudyResult run(ParityScaleSpec spec, BooleanSupplier stop, Consumer<String> log) {
        NetworkSettings ns = spec.network();
        List<List<Object>> runRows = new ArrayList<>();
        List<List<Object>> summaryRows = new ArrayList<>();
        int nd = spec.dimensions().length;
        double[] x = new double[nd];
        String[] kinds = {"full", spec.sparseK() + "-sparse"};
        double[][] riskMean = new double[2][nd];
        double[][] riskSe = new double[2][nd];
        double[][] rate = new double[2][nd];
        double[][] rateLow = new double[2][nd];
        double[][] rateHigh = new double[2][nd];
        Map<String, Object> summary = new LinkedHashMap<>();
        boolean interrupted = false;
        for (int di = 0; di < nd && !interrupted; di++) {
            int d = spec.dimensions()[di];
            x[di] = d;
            for (int kind = 0; kind < 2 && !interrupted; kind++) {
                int order = kind == 0 ? d : Math.min(spec.sparseK(), d);
                double[] risks = new double[spec.seeds().length];
                int ok = 0;
                for (int si = 0; si < spec.seeds().length; si++) {
                    if (stop.getAsBoolean()) {
                        interrupted = true;
                        break;
                    }
                    long s = spec.seeds()[si];
                    NetworkRun r = NetworkRun.execute(ns.scenario("parity-d" + d + "-" + kinds[kind], s,
                            data(d, order)), "parity-at-scale run d=" + d, stop);
                    boolean success = r.outcome().ok() && r.finalTestRisk() < spec.successRisk();
                    ok += success ? 1 : 0;
                    risks[si] = r.finalTestRisk();
                    runRows.add(List.of(d, kinds[kind], order, s, ns.budget(), ns.budget() / Math.pow(2, d),
                            r.finalTestRisk(), r.finalTrainRisk(), success, r.outcome().status().name().toLowerCase()));
                    log.accept(String.format("d = %d, %s parity, seed %d: final held-out risk %.4f%s", d, kinds[kind],
                            s, r.finalTestRisk(), success ? " (success)" : ""));
                }
                if (interrupted) {
                    break;
                }
                MeanSe m = MeanSe.of(risks);
                Proportion p = new Proportion(ok, spec.seeds().length);
                riskMean[kind][di] = m.mean();
                riskSe[kind][di] = m.se();
                rate[kind][di] = p.rate();
                rateLow[kind][di] = p.low();
                rateHigh[kind][di] = p.high();
                summaryRows.add(List.of(d, kinds[kind], order, ns.budget(), ns.budget() / Math.pow(2, d), m.mean(),
                        m.se(), ok, spec.seeds().length, p.rate(), p.low(), p.high()));
            }
        }
        summary.put("status", interrupted ? "interrupted" : "completed");
        summary.put("budget_samples", ns.budget());
        summary.put("trivial_risk", TRIVIAL_RISK);
        summary.put("success_risk", spec.successRisk());
        List<String> sumHeader = List.of("d", "parity", "order", "budget", "budget_over_2d", "mean_final_test_risk",
                "se_final_test_risk", "successes", "runs", "success_rate", "success_ci_low", "success_ci_high");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> row : summaryRows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int c = 0; c < sumHeader.size(); c++) {
                m.put(sumHeader.get(c), row.get(c));
            }
            rows.add(m);
        }
        summary.put("table", rows);

        List<List<Object>> gradRows = new ArrayList<>();
        Activation act = Activation.of(Activation.Kind.parse(ns.activation()));
        List<double[]> exactPts = new ArrayList<>();
        List<double[]> sampledPts = new ArrayList<>();
        for (int d : spec.exactDimensions()) {
            if (interrupted || stop.getAsBoolean()) {
                interrupted = true;
                break;
            }
            ParityGradientVariance.Result e = ParityGradientVariance.exact(d, spec.gradientWidth(), act,
                    spec.gradientSeed());
            exactPts.add(new double[] {d, e.variance(), e.bound()});
            gradRows.add(java.util.Arrays.asList(d, "exact", e.bound(), e.variance(), 0.0, e.variance() / e.bound(),
                    null, null));
            log.accept(String.format("gradient variance d = %d (exact): %.5g, G²/2^d = %.5g, ratio %.6f", d,
                    e.variance(), e.bound(), e.variance() / e.bound()));
        }
        for (int d : spec.dimensions()) {
            if (interrupted || stop.getAsBoolean()) {
                interrupted = true;
                break;
            }
            ParityGradientVariance.Result sm = ParityGradientVariance.sampled(d, spec.gradientWidth(), act,
                    spec.gradientSeed(), spec.gradientTargets(), spec.gradientBatch(), spec.gradientSeed() + 1);
            sampledPts.add(new double[] {d, sm.variance(), sm.varianceStandardError(), sm.bound(), sm.noisyVariance()});
            gradRows.add(java.util.Arrays.asList(d, "sampled", sm.bound(), sm.variance(), sm.varianceStandardError(),
                    sm.variance() / sm.bound(), (sm.variance() - sm.bound()) / sm.varianceStandardError(),
                    sm.noisyVariance()));
            log.accept(String.format("gradient variance d = %d (two-batch, %d targets): %.4g ± %.2g, G²/2^d = %.4g", d,
                    spec.gradientTargets(), sm.variance(), sm.varianceStandardError(), sm.bound()));
        }
        if (interrupted) {
            summary.put("status", "interrupted");
        }
        summary.put("gradient_variance", Map.of("width", spec.gradientWidth(), "seed", spec.gradientSeed(),
                "targets", spec.gradientTargets(), "batch", spec.gradientBatch(),
                "inputs", "{0,1}^d (the same cube; parities are orthonormal in either encoding)"));

        List<StudyResult.Table> tables = List.of(
                new StudyResult.Table("parity-runs", List.of("d", "parity", "order", "seed", "budget",
                        "budget_over_2d", "final_test_risk", "final_train_risk", "success", "status"), runRows),
                new StudyResult.Table("parity-success", sumHeader, summaryRows),
                new StudyResult.Table("parity-gradient-variance", List.of("d", "method", "bound_g2_over_2d",
                        "variance", "variance_se", "variance_over_bound", "minus_bound_in_se", "one_batch_variance"),
                        gradRows));
        Map<String, XYChart> charts = new LinkedHashMap<>();
        int done = summaryRows.size() / 2;
        if (done >= 2) {
            double[] xs = java.util.Arrays.copyOf(x, done);
            XYChart risk = LinePlot.create("Final held-out risk against d (budget " + ns.budget()
                    + " fresh samples, " + spec.seeds().length + " seeds)", "input dimension d",
                    "final held-out risk (1/2)E(f − y)²", xs, Map.of(), false, false, true);
            for (int kind = 0; kind < 2; kind++) {
                Overlays.errorBars(risk, kinds[kind] + " parity: mean ± 95% CI", xs,
                        java.util.Arrays.copyOf(riskMean[kind], done), scaled(riskSe[kind], done, 1.96),
                        Palette.series(kind));
            }
            Overlays.horizontal(risk, "trivial risk 1/2 (predict 0)", TRIVIAL_RISK, xs[0], xs[done - 1]);
            Overlays.horizontal(risk, "success threshold " + spec.successRisk(), spec.successRisk(), xs[0],
                    xs[done - 1]).setLineColor(Palette.series(4));
            risk.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
            charts.put("parity-final-risk", risk);
            XYChart sc = LinePlot.create("Success rate against d (final held-out risk < " + spec.successRisk() + ")",
                    "input dimension d", "fraction of " + spec.seeds().length + " seeds", xs, Map.of(), false, false,
                    true);
            for (int kind = 0; kind < 2; kind++) {
                Overlays.band(sc, kinds[kind] + " parity: 95% CI (Wilson)", xs,
                        java.util.Arrays.copyOf(rateLow[kind], done), java.util.Arrays.copyOf(rateHigh[kind], done),
                        Palette.series(kind));
                Overlays.points(sc, kinds[kind] + " parity", xs, java.util.Arrays.copyOf(rate[kind], done),
                        Palette.series(kind), kind == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            }
            Overlays.yRange(sc, xs[0], 0, 1);
            sc.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
            charts.put("parity-success-rate", sc);
        }
        if (exactPts.size() + sampledPts.size() >= 2) {
            charts.put("parity-gradient-variance", gradientPlot(exactPts, sampledPts, spec));
        }
        return new StudyResult(summary, tables, charts);
    }

    /**
     * Variance over targets against d, log y: the bound G²/2^d as the theory line (G² exact where the sums are
     * exact, estimated from the sampled inputs elsewhere), exact variances, and the two-batch estimates — with
     * their 95% CI where it lies above zero, else as a 95% upper bound (the batch noise hides a variance this small).
     */
    private static XYChart gradientPlot(List<double[]> exact, List<double[]> sampled, ParityScaleSpec spec) {
        java.util.TreeMap<Double, Double> bound = new java.util.TreeMap<>();
        exact.forEach(p -> bound.put(p[0], p[2]));
        sampled.forEach(p -> bound.putIfAbsent(p[0], p[3]));
        double[] bx = bound.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] by = bound.values().stream().mapToDouble(Double::doubleValue).toArray();
        XYChart c = LinePlot.create("Parity: variance over the 2^d targets of the population gradient (width "
                + spec.gradientWidth() + ")", "input dimension d", "Var_S ∇L_S", bx, Map.of(), false, true, true);
        Overlays.theoryLine(c, "bound G²/2^d", bx, by);
        if (!exact.isEmpty()) {
            Overlays.points(c, "exact (all 2^d inputs and targets)", exact.stream().mapToDouble(p -> p[0]).toArray(),
                    exact.stream().mapToDouble(p -> p[1]).toArray(), Palette.series(0), SeriesMarkers.CIRCLE);
        }
        List<double[]> shown = sampled.stream().filter(p -> p[1] - 1.96 * p[2] > 0).toList();
        List<double[]> upper = sampled.stream().filter(p -> !(p[1] - 1.96 * p[2] > 0)).toList();
        if (!shown.isEmpty()) {
            Overlays.errorBars(c, "two-batch estimate, 95% CI", shown.stream().mapToDouble(p -> p[0]).toArray(),
                    shown.stream().mapToDouble(p -> p[1]).toArray(),
                    shown.stream().mapToDouble(p -> 1.96 * p[2]).toArray(), Palette.series(1));
        }
        if (!upper.isEmpty()) {
            Overlays.points(c, "two-batch estimate: 95% upper bound (" + spec.gradientTargets() + " targets)",
                    upper.stream().mapToDouble(p -> p[0]).toArray(),
                    upper.stream().mapToDouble(p -> Math.max(p[1], 0) + 1.96 * p[2]).toArray(), Palette.series(1),
                    SeriesMarkers.TRIANGLE_DOWN);
        }
        Overlays.points(c, "one-batch variance (signal + batch noise)", sampled.stream().mapToDouble(p -> p[0])
                .toArray(), sampled.stream().mapToDouble(p -> p[4]).toArray(), Palette.series(2), SeriesMarkers.SQUARE);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        return c;
    }

    /** The data section of a parity on {±1}^d over coordinates 0 … order−1. */
    static String data(int d, int order) {
        StringBuilder sub = new StringBuilder("[");
        for (int i = 0; i < order; i++) {
            sub.append(i == 0 ? "" : ", ").append(i);
        }
        return "type = parity, dimension = " + d + ", signs = true, subset = " + sub + "]";
    }

    private static double[] scaled(double[] v, int n, double f) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = v[i] * f;
        }
        return out;
    }
}
