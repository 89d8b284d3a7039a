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
import org.ensemble.step.StepStatus;
import org.knowm.xchart.XYChart;

/**
 * The Hadamard problem of Warmuth, Kotłowski and Amid: the instances are the d rows of the
 * Sylvester Hadamard matrix, the target one of its columns (one feature, w* = e_t). After k
 * examples (one pass, random order), GD from w = 0 with η = 1/d predicts y exactly on the k rows it
 * has seen and 0 on the others (rows are orthogonal), so its loss is exactly 1 − k/d; so is the
 * expected loss of any algorithm whose first layer is rotation invariant (the lower bound of the
 * paper). EGU, EG and the spindly networks w = u⊙v and w = u⊙u − v⊙v are not rotation invariant and
 * fall far below it. Each (d, sample) draws a target and an order from Philox keyed by (seed, d,
 * sample); every method sees the same ones, and losses are averaged over the samples with their SE.
 */
public final class HadamardStudy {
    private HadamardStudy() {
    }

    /** The methods of the study and the step sizes tried (the two-layer net: η = lrScale/d). */
    public record Params(int[] dims, int samples, double[] eguEtas, double[] egEtas, double[] spindlyEtas,
                         double[] signedEtas, int hidden, double twoLayerInit, double twoLayerLrScale,
                         int blockSize) implements LinearFailureProblem {
        @Override
        public String key() {
            return "hadamard";
        }
    }

    /**
     * One curve: a method at one η, the mean loss and its SE at k = 1, 2, 4, …, d, and the largest
     * |loss − (1 − k/d)| of any single sample at any k.
     */
    public record Curve(int d, String method, double eta, long[] k, double[] mean, double[] se, int diverged,
                        double maxAbsDeviation) {
        /** The mean loss at k = kk. */
        public double meanAt(long kk) {
            return mean[index(kk)];
        }

        public double seAt(long kk) {
            return se[index(kk)];
        }

        private int index(long kk) {
            for (int i = 0; i < k.length; i++) {
                if (k[i] == kk) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no k = " + kk);
        }
    }

    public static StudyResult run(Params p, long seed, OnlineRunner runner, Consumer<String> progress) {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, XYChart> charts = new LinkedHashMap<>();
        String status = "completed";
        for (int d : p.dims()) {
            List<Curve> curves = curves(p, d, seed, runner);
            for (Curve c : curves) {
                for (int i = 0; i < c.k().length; i++) {
                    double theory = 1 - (double) c.k()[i] / d;
                    rows.add(List.of(d, c.method(), c.eta(), c.k()[i], c.mean()[i], c.se()[i], theory,
                            p.samples(), c.diverged()));
                }
            }
            Map<String, Object> perD = new LinkedHashMap<>();
            perD.put("gd_max_abs_deviation_from_1_minus_k_over_d", curves.get(0).maxAbsDeviation());
            List<Curve> shown = new ArrayList<>();
            for (String m : List.of("gd", "egu", "eg", "spindly", "signed-squares", "two-layer")) {
                Curve best = best(curves, m, d);
                if (best == null) {
                    continue;
                }
                shown.add(best);
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("eta", best.eta());
                long k4 = d / 4;
                b.put("loss_at_k_" + k4, best.meanAt(k4));
                b.put("se_at_k_" + k4, best.seAt(k4));
                b.put("theory_at_k_" + k4, 1 - (double) k4 / d);
                if (m.equals("two-layer")) {
                    b.put("min_z_above_theory", minZ(best, d));
                }
                b.put("diverged_samples", best.diverged());
                perD.put(m, b);
            }
            summary.put("d" + d, perD);
            charts.put("hadamard_loss_d" + d, chart(d, shown, p.samples()));
            progress.accept("d = " + d + ": " + curves.size() + " curves × " + p.samples() + " samples");
        }
        summary.put("status", status);
        summary.put("samples", p.samples());
        List<StudyResult.Table> tables = List.of(new StudyResult.Table("hadamard_loss",
                List.of("d", "method", "eta", "k", "mean_loss", "se", "theory_1_minus_k_over_d", "samples",
                        "diverged_samples"), rows));
        return new StudyResult(summary, tables, charts);
    }

    /** Every method at every η of its grid, averaged over the samples. */
    public static List<Curve> curves(Params p, int d, long seed) {
        return curves(p, d, seed, OnlineRunner.inProcess(1, () -> false));
    }

    public static List<Curve> curves(Params p, int d, long seed, OnlineRunner runner) {
        double[] h = Sylvester.matrix(d);
        List<Curve> out = new ArrayList<>();
        out.add(curve(p, d, seed, runner, h, "gd", 1.0 / d));
        for (double eta : p.eguEtas()) {
            out.add(curve(p, d, seed, runner, h, "egu", eta));
        }
        for (double eta : p.egEtas()) {
            out.add(curve(p, d, seed, runner, h, "eg", eta));
        }
        for (double eta : p.spindlyEtas()) {
            out.add(curve(p, d, seed, runner, h, "spindly", eta));
        }
        for (double eta : p.signedEtas()) {
            out.add(curve(p, d, seed, runner, h, "signed-squares", eta));
        }
        if (p.hidden() > 0) {
            out.add(curve(p, d, seed, runner, h, "two-layer", p.twoLayerLrScale() / d));
        }
        return out;
    }

    /** The recipe of a method at step size η on the d × d Hadamard instances (seed: the two-layer net's first layer). */
    static OnlineRecipe recipe(Params p, int d, double[] h, String method, double eta, long seed) {
        return switch (method) {
            case "gd" -> OnlineRecipe.linear(d, d, h, OnlineRule.GD, 0, eta, p.blockSize());
            case "egu" -> OnlineRecipe.linear(d, d, h, OnlineRule.EGU, 1.0 / d, eta, p.blockSize());
            case "eg" -> OnlineRecipe.linear(d, d, h, OnlineRule.EG, 1, eta, p.blockSize());
            case "spindly" -> OnlineRecipe.linear(d, d, h, OnlineRule.SPINDLY, 1 / Math.sqrt(d), eta, p.blockSize());
            case "signed-squares" -> OnlineRecipe.linear(d, d, h, OnlineRule.SIGNED_SQUARES, 1 / Math.sqrt(d), eta,
                    p.blockSize());
            default -> OnlineRecipe.twoLayer(d, d, h, p.hidden(), p.twoLayerInit(), eta, seed, p.blockSize());
        };
    }

    /** The spec of sample {@code s}: target column t and a one-pass order, both from Philox keyed by (seed, d, s). */
    public static OnlineSpec spec(Params p, int d, double[] h, String method, double eta, long seed, int s) {
        long id = ((long) d << 24) + s;
        int t = ExampleOrder.uniformIndex(d, seed, id, 0);
        double[] y = new double[d];
        for (int j = 0; j < d; j++) {
            y[j] = h[j * d + t];
        }
        return new OnlineSpec(recipe(p, d, h, method, eta, seed ^ id), y, Link.identity(),
                ExampleOrder.shuffled(d, 1, seed, id), OnlineSpec.powersOfTwo(d));
    }

    private static Curve curve(Params p, int d, long seed, OnlineRunner runner, double[] h, String method, double eta) {
        long[] k = OnlineSpec.powersOfTwo(d);
        double[][] loss = new double[p.samples()][k.length];
        int diverged = 0;
        double dev = 0;
        for (int s = 0; s < p.samples(); s++) {
            double[] row = loss[s];
            java.util.Arrays.fill(row, Double.NaN);
            var o = runner.run(spec(p, d, h, method, eta, seed, s), r -> {
                int i = java.util.Arrays.binarySearch(k, r.step());
                if (i >= 0) {
                    row[i] = r.loss();
                }
            });
            if (o.status() == StepStatus.DIVERGED) {
                diverged++;
            } else if (o.status() != StepStatus.COMPLETED) {
                throw new org.ensemble.run.RunFailedException("the study did not finish (nothing was written): "
                        + method + " at η = " + eta + " ended " + o.status().name().toLowerCase() + " " + o.message());
            }
            for (int i = 0; i < k.length; i++) {
                dev = Math.max(dev, Math.abs(row[i] - (1 - (double) k[i] / d)));
            }
        }
        double[] mean = new double[k.length];
        double[] se = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            double sum = 0;
            double sq = 0;
            int m = p.samples();
            for (double[] row : loss) {
                sum += row[i];
            }
            double mu = sum / m;
            for (double[] row : loss) {
                sq += (row[i] - mu) * (row[i] - mu);
            }
            mean[i] = mu;
            se[i] = m > 1 ? Math.sqrt(sq / (m - 1) / m) : Double.NaN;
        }
        return new Curve(d, method, eta, k, mean, se, diverged, dev);
    }

    /** The η of a method with the lowest mean loss at k = d/4 (diverged ones never win). */
    public static Curve best(List<Curve> curves, String method, int d) {
        Curve best = null;
        for (Curve c : curves) {
            if (!c.method().equals(method) || c.diverged() > 0) {
                continue;
            }
            if (best == null || c.meanAt(d / 4) < best.meanAt(d / 4)) {
                best = c;
            }
        }
        return best;
    }

    /** min over k of (mean − (1 − k/d))/SE: ≥ −3 is "at or above the line within 3 SE". */
    public static double minZ(Curve c, int d) {
        double z = Double.POSITIVE_INFINITY;
        for (int i = 0; i < c.k().length; i++) {
            z = Math.min(z, (c.mean()[i] - (1 - (double) c.k()[i] / d)) / c.se()[i]);
        }
        return z;
    }

    private static XYChart chart(int d, List<Curve> shown, int samples) {
        long[] k = shown.get(0).k();
        double[] x = new double[k.length];
        double[] theory = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            x[i] = k[i];
            theory[i] = 1 - (double) k[i] / d;
        }
        XYChart c = LinePlot.create("Hadamard problem, d = " + d + " (" + samples + " draws of target and order)",
                "examples seen k (one pass)", "loss: mean of (ŷ − y)² over all d rows", x, Map.of(), true, false, false);
        int colour = 0;
        for (Curve cv : shown) {
            Color col = Palette.series(colour++);
            double[] lo = new double[k.length];
            double[] hi = new double[k.length];
            for (int i = 0; i < k.length; i++) {
                lo[i] = cv.mean()[i] - cv.se()[i];
                hi[i] = cv.mean()[i] + cv.se()[i];
            }
            String label = cv.method() + (cv.method().equals("gd") ? ", η = 1/d" : ", η = " + cv.eta());
            Overlays.band(c, cv.method() + " ± SE", x, lo, hi, col);
            Overlays.line(c, label, x, cv.mean(), col);
        }
        Overlays.theoryLine(c, "1 − k/d (GD exactly)", x, theory);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        return c;
    }
}
