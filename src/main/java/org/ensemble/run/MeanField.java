package org.ensemble.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.meanfield.DesaiZwanzig;
import org.ensemble.meanfield.PdeBeside;
import org.ensemble.observe.TimeAverage;
import org.ensemble.observe.MeasureRecorder;
import org.ensemble.plot.ChartFiles;
import org.ensemble.plot.LinePlot;
import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.scenario.Scenario;
import org.ensemble.meanfield.SwitchingObserver;
import org.ensemble.observe.escape.MfptEstimate;
import org.ensemble.observe.escape.MfptEstimator;

/**
 * The mean-field parts of a run's summary and plots: the PDE comparison (final W1/W2, PDE
 * moments) and, for the Desai–Zwanzig model (untilted double well with mean attraction), the
 * self-consistent β_c, m*, Δf beside the particles' stationary mean (time average over the second
 * half of the run, SE from the integrated autocorrelation time).
 */
final class MeanField {
    private MeanField() {
    }

    static void addTo(Map<String, Object> summary, Scenario s, MeasureRecorder rec, PdeBeside pde,
                      SwitchingObserver switching, PrintStream out) {
        if (switching != null) {
            MfptEstimate m = MfptEstimator.forEscapeRun(
                    switching.sample(), 0.95);
            Map<String, Object> sw = new LinkedHashMap<>();
            sw.put("switches", switching.switches());
            sw.put("mean_time", Double.isFinite(m.mfpt()) ? m.mfpt() : null);
            // List.of rejects null; an open-ended bound (+inf, no switch yet) is null in JSON.
            sw.put("mean_time_ci", java.util.Arrays.asList(m.ciLow(), Double.isFinite(m.ciHigh()) ? m.ciHigh() : null));
            sw.put("mean_time_se", Double.isFinite(m.standardError()) ? m.standardError() : null);
            sw.put("method", m.method());
            summary.put("switching", sw);
            if (m.lowerBoundOnly()) {
                out.printf("  switching of the population mean: 0 switches, mean time > %.5g (lower bound)%n",
                        m.ciLow());
            } else {
                out.printf("  switching of the population mean: %d switches, mean time %.5g ± %.2g%n",
                        switching.switches(), m.mfpt(), m.standardError());
            }
        }
        if (pde != null) {
            summary.put("pde", pde.summary());
            out.println("  " + pde.describe());
        }
        boolean desaiZwanzig = s.meanAttraction().isPresent() && s.meanAttraction().get() > 0
                && s.potential().potential() instanceof DoubleWellPotential dw && dw.tilt() == 0;
        if (!desaiZwanzig) {
            return;
        }
        DesaiZwanzig dz = new DesaiZwanzig(s.meanAttraction().get());
        double beta = s.dynamics().beta();
        Map<String, Object> mf = new LinkedHashMap<>();
        double bc = dz.criticalBeta();
        double mStar = dz.magnetization(beta);
        mf.put("theta", dz.theta());
        mf.put("beta_c", bc);
        mf.put("m_star", mStar);
        mf.put("delta_f", dz.barrierPerParticle(beta));
        List<Double> times = rec.reportTimes();
        List<Double> means = rec.reportMeans();
        List<Double> late = new ArrayList<>();
        double half = times.isEmpty() ? 0 : times.get(times.size() - 1) / 2;
        for (int i = 0; i < times.size(); i++) {
            if (times.get(i) >= half && times.get(i) > 0) {
                late.add(means.get(i));
            }
        }
        if (late.size() >= 20) {
            TimeAverage signed = TimeAverage.of(late);
            List<Double> abs = late.stream().map(Math::abs).toList();
            TimeAverage absolute = TimeAverage.of(abs);
            mf.put("particles_mean", signed.mean());
            mf.put("particles_mean_se", signed.standardError());
            mf.put("particles_abs_mean", absolute.mean());
            mf.put("particles_abs_mean_se", absolute.standardError());
            mf.put("autocorrelation_time_reports", mStar > 0 ? absolute.tau() : signed.tau());
            // Above β_c compare |mean| with m*; below, the signed mean with 0 (|mean| is biased upwards).
            double estimate = mStar > 0 ? absolute.mean() : signed.mean();
            double se = mStar > 0 ? absolute.standardError() : signed.standardError();
            mf.put("deviation_in_se", (estimate - mStar) / se);
            // m* is the N → ∞ stationary value; a second-half average at finite N and time is not expected to
            // equal it within its SE (a switching run of ~100 particles sits several SE below), so the
            // difference is reported as a finite-N, finite-time deviation, not as a test.
            String what = mStar > 0 ? "|mean|" : "mean";
            if (s.switching()) {
                out.printf("  Desai–Zwanzig: β_c = %.10g, m*(β = %s) = %.10g (N → ∞), Δf = %.6g; at N = %d the"
                        + " second-half %s = %.6g ± %.2g (finite N: switching lowers it; no test against m*)%n", bc,
                        beta, mStar, dz.barrierPerParticle(beta), s.populationSize(), what, estimate, se);
            } else {
                out.printf("  Desai–Zwanzig: β_c = %.10g, m*(β = %s) = %.10g (N → ∞), Δf = %.6g; second-half %s ="
                        + " %.6g ± %.2g, %+.3g from m* (%+.1f SE: a finite-N, finite-time deviation, not a test)%n",
                        bc, beta, mStar, dz.barrierPerParticle(beta), what, estimate, se, estimate - mStar,
                        (estimate - mStar) / se);
            }
        } else {
            out.printf("  Desai–Zwanzig: β_c = %.10g, m*(β = %s) = %.10g, Δf = %.6g (too few reports for a"
                    + " stationary average)%n", bc, beta, mStar, dz.barrierPerParticle(beta));
        }
        summary.put("meanfield", mf);
    }
}
