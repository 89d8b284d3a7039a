package org.ensemble.failures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.ensemble.data.LinearPeriodicData;
import org.ensemble.implicitbias.StudyResult;
import org.ensemble.network.Activation;
import org.ensemble.network.Loss;
import org.ensemble.network.NetworkSpec;
import org.ensemble.network.Scaling;
import org.ensemble.observe.escape.ArrheniusFit;
import org.ensemble.observe.escape.ArrheniusFitResult;
import org.ensemble.plot.LinePlot;
import org.ensemble.plot.Overlays;
import org.ensemble.plot.Palette;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Linear-periodic targets y = cos⟨w*, x⟩ with Gaussian x. Part one: at the network's initial parameters, the
 * variance over random directions of the population gradient for each r = ‖w*‖, measured (Monte Carlo over
 * directions, each direction's gradient exact) beside the closed form of {@link LinearPeriodicGradients}, and the
 * weighted fit of ln(Var/r⁴) against r² (slope → −1 as d → ∞; the closed form's own slope over the same r is the
 * reference at finite d). Part two: SGD success against r.
 */
public final class LinearPeriodicStudy {
    private LinearPeriodicStudy() {
    }

    /** The network the gradients are measured at: the initial network of the training runs with the first seed. */
    static TwoLayerNetwork initialNetwork(LinearPeriodicSpec spec) {
        NetworkSettings ns = spec.network();
        NetworkSpec net = new NetworkSpec(ns.width(), spec.dimension(), Activation.of(Activation.Kind.parse(
                ns.activation())), Scaling.MEAN_FIELD, Loss.SQUARE, true, true, true, ns.wScale(), 0.0, ns.aSd(), 0.0,
                ns.bSd());
        return TwoLayerNetwork.initial(net, spec.seeds()[0]);
    }

    /** The fit of ln(Var/r⁴) on r²: measured (weighted by SEs), and the same regression through the closed form. */
    record SlopeFit(ArrheniusFitResult measured, ArrheniusFitResult closedForm) {
        double slope() {
            return -measured.barrier();
        }

        double slopeSe() {
            return measured.barrierSe();
        }

        double low() {
            return -measured.barrierCiHigh();
        }

        double high() {
            return -measured.barrierCiLow();
        }

        double closedFormSlope() {
            return -closedForm.barrier();
        }
    }

    static SlopeFit fit(double[] r, double[] variance, double[] se, double[] closed) {
        int n = r.length;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] s = new double[n];
        double[] yc = new double[n];
        double[] sc = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r[i] * r[i];
            y[i] = Math.log(variance[i] / Math.pow(r[i], 4));
            s[i] = se[i] / variance[i];
            yc[i] = Math.log(closed[i] / Math.pow(r[i], 4));
            sc[i] = s[i];
        }
        return new SlopeFit(ArrheniusFit.fit(x, y, s), ArrheniusFit.fit(x, yc, sc));
    }

    public static StudyResult run(LinearPeriodicSpec spec, BooleanSupplier stop, Consumer<String> log) {
        Map<String, Object> summary = new LinkedHashMap<>();
        TwoLayerNetwork net = initialNetwork(spec);
        LinearPeriodicGradients g = new LinearPeriodicGradients(net);
        int nr = spec.gradientNorms().length;
        double[] r = spec.gradientNorms();
        double[] var = new double[nr];
        double[] se = new double[nr];
        double[] closed = new double[nr];
        List<List<Object>> gradRows = new ArrayList<>();
        for (int i = 0; i < nr; i++) {
            // A fresh set of directions per r, so the points of the fit are independent.
            LinearPeriodicGradients.Sampled s = g.sampled(r[i], spec.directions(), spec.gradientSeed() + i);
            var[i] = s.variance();
            se[i] = s.standardError();
            closed[i] = g.closedForm(r[i]);
            gradRows.add(List.of(r[i], r[i] * r[i], var[i], se[i], closed[i], (var[i] - closed[i]) / se[i],
                    Math.exp(-r[i] * r[i])));
            log.accept(String.format("gradient variance over directions at |w*| = %.2f: %.4g ± %.2g (closed form %.4g)",
                    r[i], var[i], se[i], closed[i]));
        }
        SlopeFit fit = fit(r, var, se, closed);
        Map<String, Object> gs = new LinkedHashMap<>();
        gs.put("dimension", spec.dimension());
        gs.put("directions", spec.directions());
        gs.put("width", spec.network().width());
        gs.put("fit", "ln(Var/r^4) = c + slope * r^2, weighted by SE");
        gs.put("slope", fit.slope());
        gs.put("slope_se", fit.slopeSe());
        gs.put("slope_ci", List.of(fit.low(), fit.high()));
        gs.put("chi2_per_dof", fit.measured().chi2PerDof());
        gs.put("closed_form_slope", fit.closedFormSlope());
        gs.put("slope_minus_closed_form_in_se", (fit.slope() - fit.closedFormSlope()) / fit.slopeSe());
        gs.put("large_d_slope", -1.0);
        summary.put("gradient_variance", gs);
        log.accept(String.format("fit ln(Var/r⁴) against r²: slope %.4f ± %.4f (95%% CI [%.4f, %.4f]); closed form %.4f;"
                + " d → ∞: −1", fit.slope(), fit.slopeSe(), fit.low(), fit.high(), fit.closedFormSlope()));

        NetworkSettings ns = spec.network();
        List<List<Object>> runRows = new ArrayList<>();
        List<List<Object>> sumRows = new ArrayList<>();
        int nt = spec.trainingNorms().length;
        double[] tr = new double[nt];
        double[] ratioMean = new double[nt];
        double[] ratioSe = new double[nt];
        double[] rate = new double[nt];
        double[] lo = new double[nt];
        double[] hi = new double[nt];
        int done = 0;
        boolean interrupted = false;
        for (int i = 0; i < nt && !interrupted; i++) {
            double norm = spec.trainingNorms()[i];
            double trivial = new LinearPeriodicData(spec.dimension(), norm, 1, 1).trivialRisk();
            double[] ratios = new double[spec.seeds().length];
            int ok = 0;
            for (int k = 0; k < spec.seeds().length; k++) {
                if (stop.getAsBoolean()) {
                    interrupted = true;
                    break;
                }
                long seed = spec.seeds()[k];
                NetworkRun run = NetworkRun.execute(ns.scenario("linear-periodic", seed, "type = linear-periodic,"
                        + " dimension = " + spec.dimension() + ", norm = " + norm + ", direction-seed = " + seed),
                        "linear-periodic run", stop);
                ratios[k] = run.finalTestRisk() / trivial;
                boolean success = run.outcome().ok() && ratios[k] < spec.successRatio();
                ok += success ? 1 : 0;
                runRows.add(List.of(norm, seed, run.finalTestRisk(), trivial, ratios[k], success,
                        run.outcome().status().name().toLowerCase()));
                log.accept(String.format("|w*| = %.2f, seed %d: final held-out risk %.4g = %.3f × trivial%s", norm, seed,
                        run.finalTestRisk(), ratios[k], success ? " (success)" : ""));
            }
            if (interrupted) {
                break;
            }
            MeanSe m = MeanSe.of(ratios);
            Proportion p = new Proportion(ok, spec.seeds().length);
            tr[i] = norm;
            ratioMean[i] = m.mean();
            ratioSe[i] = m.se();
            rate[i] = p.rate();
            lo[i] = p.low();
            hi[i] = p.high();
            sumRows.add(List.of(norm, trivial, m.mean(), m.se(), ok, spec.seeds().length, p.rate(), p.low(), p.high()));
            done++;
        }
        summary.put("status", interrupted ? "interrupted" : "completed");
        summary.put("budget_samples", ns.budget());
        summary.put("success_ratio", spec.successRatio());
        List<String> sumHeader = List.of("norm", "trivial_risk", "mean_risk_over_trivial", "se_risk_over_trivial",
                "successes", "runs", "success_rate", "success_ci_low", "success_ci_high");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> row : sumRows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int c = 0; c < sumHeader.size(); c++) {
                m.put(sumHeader.get(c), row.get(c));
            }
            rows.add(m);
        }
        summary.put("training", rows);

        List<StudyResult.Table> tables = List.of(
                new StudyResult.Table("gradient-variance", List.of("norm", "norm_squared", "variance",
                        "variance_se", "closed_form", "measured_minus_closed_in_se", "exp_minus_norm_squared"),
                        gradRows),
                new StudyResult.Table("linear-periodic-runs", List.of("norm", "seed", "final_test_risk",
                        "trivial_risk", "risk_over_trivial", "success", "status"), runRows),
                new StudyResult.Table("linear-periodic-success", sumHeader, sumRows));
        Map<String, XYChart> charts = new LinkedHashMap<>();
        double[] r2 = new double[nr];
        double[] bar = new double[nr];
        double[] fitted = new double[nr];
        for (int i = 0; i < nr; i++) {
            r2[i] = r[i] * r[i];
            bar[i] = 1.96 * se[i];
            fitted[i] = Math.pow(r[i], 4) * Math.exp(fit.measured().lnPrefactor() + fit.slope() * r2[i]);
        }
        XYChart vc = LinePlot.create("Variance over directions of the population gradient, y = cos⟨w*, x⟩, d = "
                + spec.dimension(), "‖w*‖²", "Var over directions of ∇L", r2, Map.of(), false, true, true);
        Overlays.errorBars(vc, "measured (" + spec.directions() + " directions), 95% CI", r2, var, bar,
                Palette.series(0));
        Overlays.theoryLine(vc, "closed form exp(−r²)·Q(r)", r2, closed);
        Overlays.line(vc, String.format("fit r⁴·exp(c + s·r²), s = %.3f ± %.3f", fit.slope(), fit.slopeSe()), r2,
                fitted, Palette.series(1));
        vc.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        charts.put("gradient-variance", vc);
        double[] scaled = new double[nr];
        double[] scaledBar = new double[nr];
        double[] scaledClosed = new double[nr];
        double[] scaledFit = new double[nr];
        double[] asymptote = new double[nr];
        for (int i = 0; i < nr; i++) {
            double r4 = Math.pow(r[i], 4);
            scaled[i] = var[i] / r4;
            scaledBar[i] = bar[i] / r4;
            scaledClosed[i] = closed[i] / r4;
            scaledFit[i] = fitted[i] / r4;
            asymptote[i] = scaledClosed[0] * Math.exp(-(r2[i] - r2[0]));
        }
        XYChart lc = LinePlot.create("ln(Var/‖w*‖⁴) is linear in ‖w*‖²: slope " + String.format("%.3f", fit.slope())
                + " [" + String.format("%.3f", fit.low()) + ", " + String.format("%.3f", fit.high()) + "], closed form "
                + String.format("%.3f", fit.closedFormSlope()), "‖w*‖²", "Var over directions / ‖w*‖⁴", r2, Map.of(),
                false, true, true);
        Overlays.errorBars(lc, "measured, 95% CI", r2, scaled, scaledBar, Palette.series(0));
        Overlays.theoryLine(lc, "closed form", r2, scaledClosed);
        Overlays.line(lc, "weighted fit", r2, scaledFit, Palette.series(1));
        Overlays.line(lc, "slope −1 (d → ∞) through the first point", r2, asymptote, Palette.series(2));
        lc.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        charts.put("gradient-variance-over-r4", lc);
        if (done >= 2) {
            double[] xs = Arrays.copyOf(tr, done);
            XYChart sc = LinePlot.create("SGD on cos⟨w*, x⟩: success rate against ‖w*‖ (risk < " + spec.successRatio()
                    + " × trivial)", "‖w*‖", "fraction of " + spec.seeds().length + " seeds", xs, Map.of(), false,
                    false, true);
            Overlays.band(sc, "95% CI (Wilson)", xs, Arrays.copyOf(lo, done), Arrays.copyOf(hi, done),
                    Palette.series(0));
            Overlays.points(sc, "success rate", xs, Arrays.copyOf(rate, done), Palette.series(0), SeriesMarkers.CIRCLE);
            Overlays.yRange(sc, xs[0], 0, 1);
            sc.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        charts.put("linear-periodic-success-rate", sc);
            double[] bars = new double[done];
            for (int i = 0; i < done; i++) {
                bars[i] = 1.96 * ratioSe[i];
            }
            XYChart rc = LinePlot.create("SGD on cos⟨w*, x⟩: final held-out risk / risk of the best constant",
                    "‖w*‖", "final risk / trivial risk", xs, Map.of(), false, false, true);
            Overlays.errorBars(rc, "mean over seeds ± 95% CI", xs, Arrays.copyOf(ratioMean, done), bars,
                    Palette.series(0));
            Overlays.horizontal(rc, "trivial (predict E y)", 1.0, xs[0], xs[done - 1]);
            Overlays.horizontal(rc, "success threshold " + spec.successRatio(), spec.successRatio(), xs[0],
                    xs[done - 1]).setLineColor(Palette.series(4));
            rc.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        charts.put("linear-periodic-final-risk", rc);
        }
        return new StudyResult(summary, tables, charts);
    }
}
