package org.ensemble.failures.linear;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ensemble.implicitbias.StudyResult;
import org.ensemble.plot.LinePlot;
import org.ensemble.plot.Overlays;
import org.ensemble.plot.Palette;
import org.ensemble.random.Streams;
import org.ensemble.step.StepStatus;
import org.knowm.xchart.XYChart;

/**
 * Flat activations (Shalev-Shwartz–Shamir–Shammah 2017, §4): targets y = u(⟨w*, x⟩) with u a
 * {@link Staircase} and x ~ N(0, I_d), ‖w*‖ = 1; a linear model w (its d coordinates the members)
 * trained by SGD over {@code passes} passes of n instances from w = 0, three ways — through u, through
 * a smooth surrogate, forward-only — on the same instances and orders. The loss is the real model's,
 * (u(⟨w, x_j⟩) − y_j)² averaged over all instances, mean ± SE over {@code samples} draws of (w*, X).
 */
public final class FlatActivationStudy {
    static final List<String> METHODS = List.of("through-u", "surrogate", "forward-only");

    private FlatActivationStudy() {
    }

    public record Params(int d, int n, int passes, double delta, int levels, double smoothing, double eta,
                         int samples, int reportsPerPass, int blockSize) implements LinearFailureProblem {
        @Override
        public String key() {
            return "flat-activation";
        }
    }

    /** A method's loss curve: mean and SE over samples at each report step. */
    public record Curve(String method, long[] steps, double[] mean, double[] se) {
        public double last() {
            return mean[mean.length - 1];
        }

        public double lastSe() {
            return se[se.length - 1];
        }
    }

    public static StudyResult run(Params p, long seed, OnlineRunner runner, Consumer<String> progress) {
        List<Curve> curves = curves(p, seed, runner);
        List<List<Object>> rows = new ArrayList<>();
        for (Curve c : curves) {
            for (int i = 0; i < c.steps().length; i++) {
                rows.add(List.of(c.method(), c.steps()[i], (double) c.steps()[i] / p.n(), c.mean()[i], c.se()[i],
                        p.samples()));
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", "completed");
        summary.put("initial_loss", curves.get(0).mean()[0]);
        for (Curve c : curves) {
            summary.put(c.method() + "_final_loss", c.last());
            summary.put(c.method() + "_final_se", c.lastSe());
        }
        summary.put("samples", p.samples());
        progress.accept("3 methods × " + p.samples() + " samples, " + p.passes() + " passes of n = " + p.n());
        return new StudyResult(summary, List.of(new StudyResult.Table("flat_activation_loss",
                List.of("method", "examples_seen", "passes", "mean_loss", "se", "samples"), rows)),
                Map.of("flat_activation_loss", chart(p, curves)));
    }

    public static List<Curve> curves(Params p, long seed, OnlineRunner runner) {
        Staircase u = new Staircase(p.delta(), p.levels(), p.smoothing() * p.delta());
        long steps = (long) p.n() * p.passes();
        long every = Math.max(1, p.n() / p.reportsPerPass());
        List<Long> rep = new ArrayList<>();
        for (long s = 0; s <= steps; s += every) {
            rep.add(s);
        }
        long[] reports = rep.stream().mapToLong(Long::longValue).toArray();
        List<Curve> out = new ArrayList<>();
        double[][][] loss = new double[METHODS.size()][p.samples()][];
        long[] shown = null;
        for (int s = 0; s < p.samples(); s++) {
            double[] x = new double[p.n() * p.d()];
            for (int j = 0; j < p.n(); j++) {
                for (int i = 0; i < p.d(); i++) {
                    x[j * p.d() + i] = Streams.auxNormal(seed, s, Streams.STREAM_DATA, (long) j * p.d() + i);
                }
            }
            double[] star = new double[p.d()];
            double norm = 0;
            for (int i = 0; i < p.d(); i++) {
                star[i] = Streams.auxNormal(seed, s, Streams.STREAM_TEACHER, i);
                norm += star[i] * star[i];
            }
            double[] y = new double[p.n()];
            for (int j = 0; j < p.n(); j++) {
                double z = 0;
                for (int i = 0; i < p.d(); i++) {
                    z += x[j * p.d() + i] * star[i] / Math.sqrt(norm);
                }
                y[j] = u.u(z);
            }
            int[] order = ExampleOrder.shuffled(p.n(), p.passes(), seed, s);
            OnlineRecipe recipe = OnlineRecipe.linear(p.n(), p.d(), x, OnlineRule.GD, 0, p.eta(), p.blockSize());
            List<Link> links = List.of(u.through(), u.surrogate(), u.forwardOnly());
            for (int m = 0; m < METHODS.size(); m++) {
                OnlineSpec spec = new OnlineSpec(recipe, y, links.get(m), order, reports);
                List<Double> l = new ArrayList<>();
                List<Long> st = new ArrayList<>();
                var o = runner.run(spec, r -> {
                    l.add(r.loss());
                    st.add(r.step());
                });
                if (o.status() != StepStatus.COMPLETED) {
                    throw new org.ensemble.run.RunFailedException("the study did not finish (nothing was written): "
                        + METHODS.get(m) + " ended " + o.status().name().toLowerCase() + " " + o.message());
                }
                loss[m][s] = l.stream().mapToDouble(Double::doubleValue).toArray();
                shown = st.stream().mapToLong(Long::longValue).toArray();
            }
        }
        for (int m = 0; m < METHODS.size(); m++) {
            int k = shown.length;
            double[] mean = new double[k];
            double[] se = new double[k];
            for (int i = 0; i < k; i++) {
                double sum = 0;
                for (double[] row : loss[m]) {
                    sum += row[i];
                }
                double mu = sum / p.samples();
                double sq = 0;
                for (double[] row : loss[m]) {
                    sq += (row[i] - mu) * (row[i] - mu);
                }
                mean[i] = mu;
                se[i] = p.samples() > 1 ? Math.sqrt(sq / (p.samples() - 1) / p.samples()) : Double.NaN;
            }
            out.add(new Curve(METHODS.get(m), shown, mean, se));
        }
        return out;
    }

    private static XYChart chart(Params p, List<Curve> curves) {
        long[] steps = curves.get(0).steps();
        double[] x = new double[steps.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (double) steps[i] / p.n();
        }
        XYChart c = LinePlot.create("Flat activation u = staircase (δ = " + p.delta() + "), d = " + p.d()
                        + ", mean of " + p.samples() + " ± 1 SE", "passes over the n = " + p.n() + " instances",
                "loss (u(⟨w, x⟩) − y)², mean over instances", x, Map.of(), false, false, false);
        int colour = 0;
        for (Curve cv : curves) {
            Color col = Palette.series(colour++);
            double[] lo = new double[x.length];
            double[] hi = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                lo[i] = cv.mean()[i] - cv.se()[i];
                hi[i] = cv.mean()[i] + cv.se()[i];
            }
            Overlays.band(c, cv.method() + " ± SE", x, lo, hi, col);
            Overlays.line(c, cv.method(), x, cv.mean(), col);
        }
        // The exact floor: w = w* gives u(⟨w, x⟩) = y on every instance.
        Overlays.horizontal(c, "loss at w = w* (0)", 0, 0, x[x.length - 1]);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        return c;
    }
}
