package org.ensemble.observe.escape;

import java.util.Arrays;

/**
 * The Kaplan–Meier survival curve of right-censored escape times, with Greenwood's variance and a
 * pointwise CI on the log–log scale (stays inside [0, 1]), and the restricted mean ∫₀^τ S.
 *
 * @param times    distinct escape times, ascending
 * @param survival S just after each time
 * @param atRisk   particles at risk just before each time
 * @param events   escapes at each time
 */
public record KaplanMeier(double[] times, double[] survival, double[] lower, double[] upper, long[] atRisk,
                          long[] events, double[] greenwoodSum) {

    public static KaplanMeier fit(EscapeSample sample, double confidence) {
        int n = sample.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] t = sample.times();
        boolean[] e = sample.escaped();
        // Events before censorings at equal times (the usual convention).
        Arrays.sort(order, (a, b) -> t[a] != t[b] ? Double.compare(t[a], t[b]) : Boolean.compare(e[b], e[a]));
        double z = new org.apache.commons.math3.distribution.NormalDistribution()
                .inverseCumulativeProbability(0.5 + confidence / 2);
        double[] times = new double[n];
        double[] surv = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        long[] risk = new long[n];
        long[] ev = new long[n];
        double[] gw = new double[n];
        int k = 0;
        long atRisk = n;
        double s = 1;
        double g = 0;
        int i = 0;
        while (i < n) {
            double ti = t[order[i]];
            long d = 0;
            long c = 0;
            while (i < n && t[order[i]] == ti) {
                if (e[order[i]]) {
                    d++;
                } else {
                    c++;
                }
                i++;
            }
            if (d > 0) {
                s *= 1.0 - (double) d / atRisk;
                if (atRisk > d) {
                    g += (double) d / ((double) atRisk * (atRisk - d));
                }
                times[k] = ti;
                surv[k] = s;
                risk[k] = atRisk;
                ev[k] = d;
                gw[k] = g;
                if (s > 0 && s < 1) {
                    // log(−log S) transform: Kalbfleisch–Prentice.
                    double se = Math.sqrt(g) / Math.abs(Math.log(s));
                    lo[k] = Math.pow(s, Math.exp(z * se));
                    hi[k] = Math.pow(s, Math.exp(-z * se));
                } else {
                    lo[k] = s;
                    hi[k] = s;
                }
                k++;
            }
            atRisk -= d + c;
        }
        return new KaplanMeier(Arrays.copyOf(times, k), Arrays.copyOf(surv, k), Arrays.copyOf(lo, k),
                Arrays.copyOf(hi, k), Arrays.copyOf(risk, k), Arrays.copyOf(ev, k), Arrays.copyOf(gw, k));
    }

    /** S(t) (right-continuous step function). */
    public double at(double time) {
        int idx = Arrays.binarySearch(times, time);
        int k = idx >= 0 ? idx : -idx - 2;
        return k < 0 ? 1.0 : survival[k];
    }

    /** ∫₀^τ S(t) dt. */
    public double restrictedMean(double tau) {
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
     * Variance of the restricted mean: Σ_{tᵢ ≤ τ} A_i² dᵢ / (Yᵢ (Yᵢ − dᵢ)), A_i = ∫_{tᵢ}^τ S
     * (Klein & Moeschberger §4.5).
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
}
