package org.ensemble.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.observe.escape.MfptEstimate;
import org.ensemble.run.RunResult;

/**
 * The quantities a particle run measured, by name, in a fixed order: the escape statistics (MFPT,
 * its CI and SE, rate, exact and Eyring–Kramers MFPT) where the run has targets; the Desai–Zwanzig
 * stationary mean, its SE and m*; W2 to the PDE; the switching time. Absent sections give no
 * columns, so a sweep without targets has no empty escape columns.
 */
public final class Quantities {
    private Quantities() {
    }

    public static Map<String, Double> of(RunResult r) {
        Map<String, Double> q = new LinkedHashMap<>();
        MfptEstimate m = r.mfpt();
        if (m != null) {
            q.put("mfpt", m.mfpt());
            q.put("mfpt_ci_low", m.ciLow());
            q.put("mfpt_ci_high", m.ciHigh());
            q.put("mfpt_se", m.standardError());
            q.put("rate", m.rate());
            q.put("ln_rate", Math.log(m.rate()));
            q.put("ln_rate_se", m.standardError() / m.mfpt());
            q.put("escaped", (double) m.escaped());
            q.put("censored", (double) m.censored());
            q.put("exact_mfpt", r.exactMfpt());
            q.put("eyring_kramers", r.eyringKramers());
        }
        Map<String, Object> s = r.summary();
        if (s.get("meanfield") instanceof Map<?, ?> mf) {
            Double mStar = number(mf.get("m_star"));
            boolean ordered = mStar != null && mStar > 0;
            // Above β_c the stationary |mean| is compared with m*; below, the signed mean with 0.
            q.put("stationary_mean", number(mf.get(ordered ? "particles_abs_mean" : "particles_mean")));
            q.put("stationary_mean_se", number(mf.get(ordered ? "particles_abs_mean_se" : "particles_mean_se")));
            q.put("m_star", mStar);
            q.put("beta_c", number(mf.get("beta_c")));
            q.put("delta_f", number(mf.get("delta_f")));
        }
        if (s.get("pde") instanceof Map<?, ?> p) {
            q.put("w2_pde", number(p.get("w2_late_mean")));
        }
        if (s.get("switching") instanceof Map<?, ?> sw) {
            q.put("switching_time", number(sw.get("mean_time")));
            q.put("switching_time_se", number(sw.get("mean_time_se")));
            q.put("switches", number(sw.get("switches")));
        }
        return q;
    }

    /** The column names of several runs' quantities, in order of first appearance. */
    public static List<String> columns(List<Map<String, Double>> rows) {
        java.util.LinkedHashSet<String> c = new java.util.LinkedHashSet<>();
        rows.forEach(r -> c.addAll(r.keySet()));
        return List.copyOf(c);
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }
}
