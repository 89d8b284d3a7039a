package org.ensemble.observe.escape;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Is the escape time exponential? The KS distance between the Kaplan–Meier curve and the
 * exponential with the maximum-likelihood rate, over the observed range [0, T]. Because the rate
 * is estimated, the plain KS table is far too lenient (Lilliefors); the p-value comes from a
 * parametric bootstrap that re-estimates the rate in every replicate and censors at the same
 * time, with a fixed seed so reports are reproducible. Stephens' modified statistic is reported
 * too (critical value 1.094 at 5% for complete samples).
 */
public final class ExponentialityTest {
    private ExponentialityTest() {
    }

    public static ExponentialityResult test(EscapeSample s, double level, int replicates, long seed) {
        long n = s.size();
        long escaped = s.escapedCount();
        if (escaped < 2) {
            return new ExponentialityResult(Double.NaN, Double.NaN, Double.NaN, 0, level, false, n);
        }
        double d = distance(s);
        double sq = Math.sqrt(n);
        double modified = (d - 0.2 / n) * (sq + 0.26 + 0.5 / sq);
        double rate = escaped / s.exposure();
        double censorAt = s.censoredCount() > 0 ? s.maxTime() : Double.POSITIVE_INFINITY;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int exceed = 0;
        double[] t = new double[(int) n];
        boolean[] e = new boolean[(int) n];
        for (int r = 0; r < replicates; r++) {
            for (int i = 0; i < n; i++) {
                double x = -Math.log(1 - rng.nextDouble()) / rate;
                e[i] = x <= censorAt;
                t[i] = e[i] ? x : censorAt;
            }
            EscapeSample b = new EscapeSample(t, e);
            if (b.escapedCount() >= 2 && distance(b) >= d) {
                exceed++;
            }
        }
        double p = (exceed + 1.0) / (replicates + 1.0);
        return new ExponentialityResult(d, modified, p, replicates, level, p < level, n);
    }

    /** sup over the observed range of |KM − (1 − e^{−k̂ t})|, checking both sides of every jump. */
    static double distance(EscapeSample s) {
        double rate = s.escapedCount() / s.exposure();
        double[] t = s.times().clone();
        boolean[] e = s.escaped();
        if (s.censoredCount() == 0) {
            Arrays.sort(t);
            int n = t.length;
            double d = 0;
            for (int i = 0; i < n; i++) {
                double f = 1 - Math.exp(-rate * t[i]);
                d = Math.max(d, Math.max(Math.abs((i + 1.0) / n - f), Math.abs(f - (double) i / n)));
            }
            return d;
        }
        // Kaplan–Meier on primitive sorted arrays (this runs once per bootstrap replicate).
        SortedEscapes sorted = SortedEscapes.of(t, e, null);
        double[] esc = sorted.escapes();
        double[] cen = sorted.censored();
        int ne = esc.length;
        double d = 0;
        double surv = 1;
        long atRisk = t.length;
        int i = 0;
        int j = 0;
        while (i < ne) {
            double ti = esc[i];
            while (j < cen.length && cen[j] < ti) {
                atRisk--;
                j++;
            }
            int k = 0;
            while (i < ne && esc[i] == ti) {
                k++;
                i++;
            }
            double f = Math.exp(-rate * ti);
            d = Math.max(d, Math.abs(surv - f));
            surv *= 1.0 - (double) k / atRisk;
            atRisk -= k;
            d = Math.max(d, Math.abs(surv - f));
        }
        return d;
    }
}
