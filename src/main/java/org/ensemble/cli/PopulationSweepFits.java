package org.ensemble.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.ensemble.plot.ChartFiles;
import org.ensemble.plot.LinePlot;
import org.ensemble.plot.Overlays;
import org.ensemble.plot.Palette;
import org.ensemble.run.RunResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Fits across a sweep of {@code population.size}: propagation of chaos (log W2 to the PDE against
 * log N; about −1/2 expected) and finite-N metastability (log of the mean switching time against
 * N; slope about Δf expected). Least squares with a t-based 95% CI on the slope.
 */
final class PopulationSweepFits {
    private PopulationSweepFits() {
    }

    record Fit(double slope, double slopeSe, double low, double high, double intercept, int points) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slope", slope);
            m.put("slope_se", slopeSe);
            m.put("slope_ci", List.of(low, high));
            m.put("intercept", intercept);
            m.put("points", points);
            return m;
        }
    }

    static Fit fit(double[] x, double[] y) {
        SimpleRegression r = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            r.addData(x[i], y[i]);
        }
        double se = r.getSlopeStdErr();
        double t = x.length > 2 ? new TDistribution(x.length - 2).inverseCumulativeProbability(0.975) : Double.NaN;
        return new Fit(r.getSlope(), se, r.getSlope() - t * se, r.getSlope() + t * se, r.getIntercept(), x.length);
    }

    /** Adds the fits to {@code summary}; {@code plots} null: no plots (sweep --no-plots). */
    static void addTo(Map<String, Object> summary, List<Double> sizes, List<RunResult> results, Path plots) {
        List<Double> n = new ArrayList<>();
        List<Double> w2 = new ArrayList<>();
        List<Double> nSw = new ArrayList<>();
        List<Double> tau = new ArrayList<>();
        List<Double> tauSe = new ArrayList<>();
        Double deltaF = null;
        for (int i = 0; i < results.size(); i++) {
            Map<String, Object> s = results.get(i).summary();
            if (s.get("pde") instanceof Map<?, ?> p && p.get("w2_late_mean") instanceof Double w && w > 0) {
                n.add(sizes.get(i));
                w2.add(w);
            }
            if (s.get("switching") instanceof Map<?, ?> sw && sw.get("mean_time") instanceof Double t && t > 0
                    && sw.get("switches") instanceof Integer k && k >= 2) {
                nSw.add(sizes.get(i));
                tau.add(t);
                tauSe.add(sw.get("mean_time_se") instanceof Double e ? e : 0.0);
            }
            if (s.get("meanfield") instanceof Map<?, ?> mf && mf.get("delta_f") instanceof Double d) {
                deltaF = d;
            }
        }
        if (n.size() >= 3) {
            double[] lx = n.stream().mapToDouble(Math::log).toArray();
            double[] ly = w2.stream().mapToDouble(Math::log).toArray();
            Fit f = fit(lx, ly);
            Map<String, Object> m = f.json();
            m.put("expected_slope", -0.5);
            m.put("sizes", n);
            m.put("w2", w2);
            summary.put("propagation_of_chaos", m);
            System.out.printf("propagation of chaos: W2(particles, PDE) ~ N^%.3f (95%% CI [%.3f, %.3f]); −1/2 expected%n",
                    f.slope(), f.low(), f.high());
            if (plots != null) {
                double[] xs = n.stream().mapToDouble(Double::doubleValue).toArray();
                XYChart c = LinePlot.create("Propagation of chaos: W2 between particles and the PDE", "N particles",
                        "W2 (mean over the second half of the run)", xs, Map.of(), true, true, true);
                double mx = mean(lx);
                double my = mean(ly);
                double[] lo = new double[xs.length];
                double[] hi = new double[xs.length];
                double[] fitted = new double[xs.length];
                double[] half = new double[xs.length];
                for (int i = 0; i < xs.length; i++) {
                    // The fitted line and the lines through the data's centre with the slope's 95% CI ends.
                    double d = lx[i] - mx;
                    fitted[i] = Math.exp(my + f.slope() * d);
                    lo[i] = Math.exp(my + Math.min(f.low() * d, f.high() * d));
                    hi[i] = Math.exp(my + Math.max(f.low() * d, f.high() * d));
                    half[i] = Math.exp(my - 0.5 * d);
                }
                Overlays.band(c, String.format("slope 95%% CI [%.3f, %.3f]", f.low(), f.high()), xs, lo, hi,
                        Palette.series(0));
                Overlays.line(c, String.format("fit: W2 ∝ N^%.3f", f.slope()), xs, fitted, Palette.series(0));
                Overlays.points(c, "W2 per run", xs, w2.stream().mapToDouble(Double::doubleValue).toArray(),
                        Palette.series(1), SeriesMarkers.CIRCLE);
                Overlays.theoryLine(c, "theory: slope −1/2 (through the data's centre)", xs, half);
                ChartFiles.save(c, plots, "propagation-of-chaos");
            }
        }
        if (nSw.size() >= 3) {
            double[] xs = nSw.stream().mapToDouble(Double::doubleValue).toArray();
            double[] ly = tau.stream().mapToDouble(Math::log).toArray();
            Fit f = fit(xs, ly);
            Map<String, Object> m = f.json();
            m.put("delta_f", deltaF);
            m.put("sizes", nSw);
            m.put("mean_switching_time", tau);
            if (deltaF != null) {
                m.put("deviation_in_se", (f.slope() - deltaF) / f.slopeSe());
            }
            summary.put("switching", m);
            System.out.printf("switching time: log τ ≈ %.4f·N + %.3f (slope 95%% CI [%.4f, %.4f]); Δf = %s%n", f.slope(),
                    f.intercept(), f.low(), f.high(), deltaF == null ? "?" : String.format("%.4f", deltaF));
            if (plots != null) {
                XYChart c = LinePlot.create("Finite-N metastability: switching time of the population mean",
                        "N particles", "mean switching time τ", xs, Map.of(), false, true, true);
                double mx = mean(xs);
                double my = mean(ly);
                double[] fitted = new double[xs.length];
                double[] theory = new double[xs.length];
                double[] bar = new double[xs.length];
                double[] t = tau.stream().mapToDouble(Double::doubleValue).toArray();
                for (int i = 0; i < xs.length; i++) {
                    fitted[i] = Math.exp(f.intercept() + f.slope() * xs[i]);
                    theory[i] = deltaF == null ? Double.NaN : Math.exp(my + deltaF * (xs[i] - mx));
                    // 95% error bars (1.96 SE); a log axis cannot show a bar reaching zero, so it stops just above.
                    bar[i] = Math.min(1.96 * tauSe.get(i), 0.99 * t[i]);
                }
                Overlays.line(c, String.format("fit: τ ∝ e^{%.4f N}", f.slope()), xs, fitted, Palette.series(0));
                Overlays.errorBars(c, "mean switching time (95% CI)", xs, t, bar, Palette.series(1));
                if (deltaF != null) {
                    Overlays.theoryLine(c, String.format("theory: slope Δf = %.4f (through the data's centre)", deltaF),
                            xs, theory);
                }
                ChartFiles.save(c, plots, "switching-time");
            }
        }
    }

    private static double mean(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        return m;
    }
}
