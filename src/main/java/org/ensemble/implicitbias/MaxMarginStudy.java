package org.ensemble.implicitbias;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.coordinates.CoordinateRecipe;
import org.ensemble.coordinates.CoordinateSpec;
import org.ensemble.coordinates.LossKind;
import org.ensemble.coordinates.Parameterisation;
import org.ensemble.reference.HardMarginSvm;
import org.ensemble.step.StepOutcome;

/**
 * Logistic regression by GD from w = 0 on linearly separable data (through the origin): ‖w_t‖ grows
 * like log t and w_t/‖w_t‖ converges to the hard-margin SVM direction ŵ, with angle ~ C/log t
 * (Soudry et al. 2018) — so angle·log t levels off — and the loss falls like ‖ŵ‖²/(η t) (from
 * d‖w‖/dt = η L/‖ŵ‖ along ŵ log t, with ŵ scaled to margin 1). Data: n Gaussian points in d
 * dimensions labelled by a teacher direction, each pushed {@code gap} along its label's side.
 * Step η = lrScale·4/λ_max(XᵀX/n) (the logistic loss is λ_max/4-smooth).
 */
public final class MaxMarginStudy {
    private MaxMarginStudy() {
    }

    public record Params(int n, int d, double gap, long steps, double lrScale, int blockSize) implements BiasProblem {
        @Override
        public String key() {
            return "max-margin";
        }
    }

    public static StudyResult run(Params p, long seed, CoordinateRunner runner) {
        Designs rng = new Designs(seed, 3);
        double[] teacher = new double[p.d()];
        for (int j = 0; j < p.d(); j++) {
            teacher[j] = 1.0 / (j + 1);
        }
        double tn = Designs.norm(teacher);
        double[][] x = rng.matrix(p.n(), p.d(), 1);
        double[] y = new double[p.n()];
        for (int i = 0; i < p.n(); i++) {
            double s = 0;
            for (int j = 0; j < p.d(); j++) {
                s += x[i][j] * teacher[j];
            }
            y[i] = s >= 0 ? 1 : -1;
            for (int j = 0; j < p.d(); j++) {
                x[i][j] += p.gap() * y[i] * teacher[j] / tn;
            }
        }
        HardMarginSvm.Solution svm = HardMarginSvm.solve(x, y);
        double[] what = svm.w();
        double wn2 = 1 / (svm.margin() * svm.margin());
        double eta = p.lrScale() * 4 / Designs.gramRange(x)[1];
        CoordinateSpec spec = new CoordinateSpec(new CoordinateRecipe(p.n(), p.d(), Designs.flat(x),
                Parameterisation.LINEAR, 0, eta, p.blockSize()), y, LossKind.LOGISTIC, p.steps(),
                CoordinateSpec.logSpaced(p.steps(), 20));
        List<List<Object>> rows = new ArrayList<>();
        List<Double> t = new ArrayList<>();
        List<Double> angle = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        StepOutcome o = runner.run(spec, r -> {
            if (r.step() < 2) {
                return; // w₀ = 0 has no direction, and log 1 = 0
            }
            double a = Designs.angle(r.weights(), what);
            double lt = Math.log(r.step());
            rows.add(List.of(r.step(), r.loss(), a, a * lt, Designs.norm(r.weights()), r.loss() * r.step(),
                    wn2 / (eta * r.step())));
            t.add((double) r.step());
            angle.add(a);
            loss.add(r.loss());
        });
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("problem", p.key());
        summary.put("status", o.status().name().toLowerCase());
        summary.put("n", p.n());
        summary.put("d", p.d());
        summary.put("steps", o.steps());
        summary.put("eta", eta);
        summary.put("svm_margin", svm.margin());
        int sv = 0;
        for (double a : svm.alpha()) {
            sv += a > 0 ? 1 : 0;
        }
        summary.put("support_vectors", sv);
        double tEnd = t.isEmpty() ? 0 : t.get(t.size() - 1);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        List<double[]> tail = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i) >= tEnd / 100) {
                double v = angle.get(i) * Math.log(t.get(i));
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                tail.add(new double[] {Math.log(t.get(i)), Math.log(loss.get(i))});
            }
        }
        summary.put("final_angle_rad", angle.isEmpty() ? Double.NaN : angle.get(angle.size() - 1));
        summary.put("angle_decreasing", decreasing(angle));
        summary.put("angle_log_t_ratio_last_two_decades", hi / lo);
        summary.put("loss_slope_last_two_decades", slope(tail));
        summary.put("final_loss_times_t_over_exact", loss.isEmpty() ? Double.NaN
                : loss.get(loss.size() - 1) * tEnd * eta / wn2);
        double c = angle.isEmpty() ? 0 : angle.get(angle.size() - 1) * Math.log(tEnd);
        double[] tt = StudyCharts.column(t);
        double[] theoryAngle = new double[tt.length];
        double[] theoryLoss = new double[tt.length];
        double[] angleLog = new double[tt.length];
        for (int i = 0; i < tt.length; i++) {
            theoryAngle[i] = c / Math.log(tt[i]);
            theoryLoss[i] = wn2 / (eta * tt[i]);
            angleLog[i] = angle.get(i) * Math.log(tt[i]);
        }
        Map<String, org.knowm.xchart.XYChart> charts = new LinkedHashMap<>();
        if (tt.length > 1) {
            Map<String, double[]> a = new LinkedHashMap<>();
            a.put("angle(w_t, SVM direction)", StudyCharts.column(angle));
            a.put("C / log t (C from the last step)", theoryAngle);
            charts.put("angle", StudyCharts.line("Logistic GD: angle to the hard-margin SVM direction", "step t (log)",
                    "angle, radians", tt, a, true, false, false));
            charts.put("angle-log-t", StudyCharts.line("Logistic GD: angle · log t levels off", "step t (log)",
                    "angle · log t (radians)", tt, Map.of("angle · log t", angleLog), true, false, false));
            Map<String, double[]> l = new LinkedHashMap<>();
            l.put("training loss", StudyCharts.column(loss));
            l.put("exact rate ‖ŵ‖²/(η t)", theoryLoss);
            charts.put("loss", StudyCharts.line("Logistic GD on separable data: loss ~ 1/t", "step t (log)",
                    "mean logistic loss (log)", tt, l, true, true, false));
        }
        return new StudyResult(summary, List.of(new StudyResult.Table("trajectory", List.of("step", "loss",
                "angle_rad", "angle_log_t", "norm_w", "loss_times_t", "exact_loss_rate"), rows)), charts);
    }

    private static boolean decreasing(List<Double> v) {
        for (int i = 1; i < v.size(); i++) {
            if (v.get(i) > v.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    /** Least-squares slope of the points (x, y). */
    static double slope(List<double[]> pts) {
        double mx = 0;
        double my = 0;
        for (double[] q : pts) {
            mx += q[0];
            my += q[1];
        }
        mx /= pts.size();
        my /= pts.size();
        double sxy = 0;
        double sxx = 0;
        for (double[] q : pts) {
            sxy += (q[0] - mx) * (q[1] - my);
            sxx += (q[0] - mx) * (q[0] - mx);
        }
        return sxy / sxx;
    }
}
