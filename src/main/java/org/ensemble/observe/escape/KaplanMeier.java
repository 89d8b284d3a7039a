package org.ensemble.observe.escape;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Kaplan–Meier survival curve of right-censored escape times, S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/Yᵢ),
 * at the distinct escape times, with Greenwood's variance Var S(tᵢ) = S(tᵢ)² Σ_{tⱼ ≤ tᵢ} dⱼ/(Yⱼ(Yⱼ − dⱼ))
 * and a pointwise CI on the log(−log S) scale (Kalbfleisch–Prentice). The log–log interval is used
 * rather than the plain S ± z·SE because it stays inside [0, 1] and covers better in the tails,
 * which is where escape curves live. Ties: escapes at a time t come before censorings at t (a
 * particle censored at t was still inside at t), the usual convention.
 *
 * <p>Immutable: arrays are copied in and out.
 *
 * @param times        distinct escape times, ascending
 * @param survival     S just after each time
 * @param lower        pointwise lower confidence bound of S at each time
 * @param upper        pointwise upper confidence bound of S at each time
 * @param atRisk       particles at risk just before each time (Yᵢ)
 * @param events       escapes at each time (dᵢ)
 * @param greenwoodSum Σ_{tⱼ ≤ tᵢ} dⱼ/(Yⱼ(Yⱼ − dⱼ)) (terms with Yⱼ = dⱼ are left out: S is 0 there)
 * @param horizon      the largest observed time T (escape or censoring): S is known on [0, T] only
 * @param confidence   the CI's level, e.g. 0.95
 */
public record KaplanMeier(double[] times, double[] survival, double[] lower, double[] upper, long[] atRisk,
                          long[] events, double[] greenwoodSum, double horizon, double confidence) {

    public KaplanMeier {
        int k = times.length;
        if (survival.length != k || lower.length != k || upper.length != k || atRisk.length != k
                || events.length != k || greenwoodSum.length != k) {
            throw new IllegalArgumentException("Kaplan–Meier arrays differ in length");
        }
        times = times.clone();
        survival = survival.clone();
        lower = lower.clone();
        upper = upper.clone();
        atRisk = atRisk.clone();
        events = events.clone();
        greenwoodSum = greenwoodSum.clone();
    }

    /** The curve with a 95% pointwise CI. */
    public static KaplanMeier fit(EscapeSample sample) {
        return fit(sample, 0.95);
    }

    public static KaplanMeier fit(EscapeSample sample, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        return fit(SortedEscapes.of(sample.timesView(), sample.escapedView(), null), confidence);
    }

    /** The same curve from the run's escapes and the count censored at its end, without per-particle arrays. */
    public static KaplanMeier fit(EndCensoredSample sample, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        return fit(sample.sorted(), confidence);
    }

    private static KaplanMeier fit(SortedEscapes sorted, double confidence) {
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - confidence) / 2);
        double[] esc = sorted.escapes();
        double[] cen = sorted.censored();
        int ne = esc.length;
        double[] times = new double[ne];
        double[] surv = new double[ne];
        double[] lo = new double[ne];
        double[] hi = new double[ne];
        long[] risk = new long[ne];
        long[] ev = new long[ne];
        double[] gw = new double[ne];
        int k = 0;
        long atRisk = sorted.size();
        double s = 1;
        double g = 0;
        int i = 0;
        int j = 0;
        while (i < ne) {
            double t = esc[i];
            // Censorings strictly before t leave the risk set first; ties stay at risk.
            while (j < cen.length && cen[j] < t) {
                atRisk--;
                j++;
            }
            long d = 0;
            while (i < ne && esc[i] == t) {
                d++;
                i++;
            }
            s *= 1.0 - (double) d / atRisk;
            if (atRisk > d) {
                g += (double) d / ((double) atRisk * (atRisk - d));
            }
            times[k] = t;
            surv[k] = s;
            risk[k] = atRisk;
            ev[k] = d;
            gw[k] = g;
            if (s > 0 && s < 1) {
                // SE of log(−log S) by the delta method: √Σ / |log S|.
                double se = Math.sqrt(g) / Math.abs(Math.log(s));
                lo[k] = Math.pow(s, Math.exp(z * se));
                hi[k] = Math.pow(s, Math.exp(-z * se));
            } else {
                // S = 0: everyone at risk escaped; the curve is certain to be 0 from here on.
                lo[k] = s;
                hi[k] = s;
            }
            atRisk -= d;
            k++;
        }
        double horizon = Math.max(ne > 0 ? esc[ne - 1] : 0, sorted.lastCensored());
        return new KaplanMeier(Arrays.copyOf(times, k), Arrays.copyOf(surv, k), Arrays.copyOf(lo, k),
                Arrays.copyOf(hi, k), Arrays.copyOf(risk, k), Arrays.copyOf(ev, k), Arrays.copyOf(gw, k), horizon,
                confidence);
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] survival() {
        return survival.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public long[] atRisk() {
        return atRisk.clone();
    }

    @Override
    public long[] events() {
        return events.clone();
    }

    @Override
    public double[] greenwoodSum() {
        return greenwoodSum.clone();
    }

    /** Greenwood's variance of S at each escape time: S² Σ dⱼ/(Yⱼ(Yⱼ − dⱼ)). */
    public double[] greenwoodVariance() {
        double[] v = new double[times.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = survival[k] * survival[k] * greenwoodSum[k];
        }
        return v;
    }

    /** S(t), the right-continuous step function (1 before the first escape). */
    public double at(double time) {
        int k = indexAt(time);
        return k < 0 ? 1.0 : survival[k];
    }

    /** Greenwood's variance of S(t) (0 before the first escape). */
    public double varianceAt(double time) {
        int k = indexAt(time);
        return k < 0 ? 0.0 : survival[k] * survival[k] * greenwoodSum[k];
    }

    private int indexAt(double time) {
        int idx = Arrays.binarySearch(times, time);
        return idx >= 0 ? idx : -idx - 2;
    }

    /** ∫₀^T S(t) dt up to the horizon T (the last observation). */
    public double restrictedMean() {
        return restrictedMean(horizon);
    }

    /** ∫₀^τ S(t) dt. Beyond the horizon S is unknown; τ > horizon extends the last value flat, so avoid it. */
    public double restrictedMean(double tau) {
        if (!(tau >= 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("restricted-mean horizon must be finite and ≥ 0, got " + tau);
        }
        double area = 0;
        double prevT = 0;
        double prevS = 1;
        for (int k = 0; k < times.length && times[k] <= tau; k++) {
            area += prevS * (times[k] - prevT);
            prevT = times[k];
            prevS = survival[k];
        }
        return area + prevS * (tau - prevT);
    }

    /**
     * Variance of the restricted mean: Σ_{tᵢ ≤ τ} Aᵢ² dᵢ / (Yᵢ (Yᵢ − dᵢ)), Aᵢ = ∫_{tᵢ}^τ S
     * (Klein &amp; Moeschberger §4.5).
     */
    public double restrictedMeanVariance(double tau) {
        double total = restrictedMean(tau);
        double v = 0;
        double area = 0;
        double prevT = 0;
        double prevS = 1;
        for (int k = 0; k < times.length && times[k] <= tau; k++) {
            area += prevS * (times[k] - prevT);
            prevT = times[k];
            prevS = survival[k];
            if (atRisk[k] > events[k]) {
                double a = total - area;
                v += a * a * events[k] / ((double) atRisk[k] * (atRisk[k] - events[k]));
            }
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KaplanMeier m && Arrays.equals(times, m.times) && Arrays.equals(survival, m.survival)
                && Arrays.equals(lower, m.lower) && Arrays.equals(upper, m.upper) && Arrays.equals(atRisk, m.atRisk)
                && Arrays.equals(events, m.events) && Arrays.equals(greenwoodSum, m.greenwoodSum)
                && Double.compare(horizon, m.horizon) == 0 && Double.compare(confidence, m.confidence) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(times) * 31 + Arrays.hashCode(survival);
    }

    @Override
    public String toString() {
        return "KaplanMeier[" + times.length + " escape times, horizon=" + horizon + ", S(horizon)="
                + at(horizon) + ", confidence=" + confidence + "]";
    }
}
