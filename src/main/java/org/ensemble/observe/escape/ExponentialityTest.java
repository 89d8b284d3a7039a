package org.ensemble.observe.escape;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Is the escape time exponential (a single rate, as a metastable escape should be)? The test
 * statistic is the Kolmogorov–Smirnov distance between the data's law and the exponential with the
 * maximum-likelihood rate k̂ = escapes / time at risk. Because k̂ comes from the same data, the
 * plain KS table is far too lenient (Lilliefors' problem), so the test is calibrated one of two ways:
 *
 * <ul>
 *   <li>{@link #stephens}: complete samples only; Stephens' modified statistic
 *   (D − 0.2/n)(√n + 0.26 + 0.5/√n) against its table (Stephens 1974; D'Agostino &amp; Stephens 1986),
 *   which holds for every n. Levels 15%, 10%, 5%, 2.5%, 1%.</li>
 *   <li>{@link #test}: a parametric bootstrap with a fixed seed. Each replicate draws n exponentials
 *   with rate k̂, censors them like the data, re-estimates the rate and recomputes D; the p-value is
 *   (1 + #{D_b ≥ D}) / (B + 1). Under censoring D compares the Kaplan–Meier curve with e^{−k̂t} on
 *   [0, T], T the largest observed time.</li>
 * </ul>
 *
 * <p>Replicates are censored at the data's censoring times: a censored particle keeps its own
 * censoring time, an escaped one is given the largest observed time T (exact when everyone is
 * censored at the end of the run, an approximation for staggered censoring). Times are treated as
 * continuous; a step grid dt only matters when k̂·dt is not small.
 */
public final class ExponentialityTest {
    public static final String BOOTSTRAP = "ks-parametric-bootstrap";
    public static final String BOOTSTRAP_CENSORED = "km-ks-parametric-bootstrap-censored";
    public static final String STEPHENS = "ks-stephens-modified-table";
    public static final String INSUFFICIENT = "insufficient-data";

    /** Stephens' upper-tail levels and critical values of the modified statistic (exponential, mean estimated). */
    private static final double[] STEPHENS_LEVELS = {0.15, 0.10, 0.05, 0.025, 0.01};
    private static final double[] STEPHENS_CRITICAL = {0.926, 0.990, 1.094, 1.190, 1.308};

    private ExponentialityTest() {
    }

    /** Stephens' critical value of the modified statistic at {@code level} (one of 0.15, 0.10, 0.05, 0.025, 0.01). */
    public static double stephensCriticalValue(double level) {
        for (int i = 0; i < STEPHENS_LEVELS.length; i++) {
            if (Math.abs(level - STEPHENS_LEVELS[i]) < 1e-12) {
                return STEPHENS_CRITICAL[i];
            }
        }
        throw new IllegalArgumentException("Stephens' table has levels " + Arrays.toString(STEPHENS_LEVELS)
                + ", not " + level + " (use the bootstrap test for other levels)");
    }

    /** Stephens' modified statistic (D − 0.2/n)(√n + 0.26 + 0.5/√n). */
    public static double stephensModified(double d, long n) {
        double sq = Math.sqrt(n);
        return (d - 0.2 / n) * (sq + 0.26 + 0.5 / sq);
    }

    /** Table-calibrated test for complete (uncensored) samples; no randomness. */
    public static ExponentialityResult stephens(EscapeSample s, double level) {
        double critical = stephensCriticalValue(level);
        if (s.censoredCount() > 0) {
            throw new IllegalArgumentException("Stephens' table is for complete samples; " + s.censoredCount()
                    + " of " + s.size() + " are censored (use the bootstrap test)");
        }
        long n = s.size();
        if (n < 2) {
            return insufficient(s, level);
        }
        double d = distance(SortedEscapes.of(s.timesView(), s.escapedView(), null));
        double modified = stephensModified(d, n);
        return new ExponentialityResult(d, modified, n, n, Double.NaN, critical, level, 0, modified > critical,
                STEPHENS);
    }

    /**
     * Parametric-bootstrap test (any censoring) with {@code replicates} replicates drawn from a
     * generator seeded with {@code seed}. Rejects when p ≤ level; with (B + 1)·level an integer
     * (e.g. B = 199 or 999 at 5%) the size is exactly the level under the null.
     */
    public static ExponentialityResult test(EscapeSample s, double level, int replicates, long seed) {
        checkArguments(level, replicates);
        long n = s.size();
        long escaped = s.escapedCount();
        if (escaped < 2) {
            return insufficient(s, level);
        }
        boolean censored = s.censoredCount() > 0;
        double d = distance(SortedEscapes.of(s.timesView(), s.escapedView(), null));
        double modified = censored ? Double.NaN : stephensModified(d, n);
        double rate = escaped / s.exposure();
        double[] censorAt = censoringTimes(s);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] replicateD = new double[replicates];
        double[] t = new double[(int) n];
        boolean[] e = new boolean[(int) n];
        int exceed = 0;
        for (int r = 0; r < replicates; r++) {
            for (int i = 0; i < n; i++) {
                // Inversion: 1 − u ∈ (0, 1] keeps the logarithm finite.
                double x = -Math.log(1 - rng.nextDouble()) / rate;
                e[i] = x <= censorAt[i];
                t[i] = e[i] ? x : censorAt[i];
            }
            replicateD[r] = distance(SortedEscapes.of(t, e, null));
            if (replicateD[r] >= d) {
                exceed++;
            }
        }
        return bootstrapResult(d, modified, n, escaped, replicateD, exceed, level, censored);
    }

    private static void checkArguments(double level, int replicates) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie in (0, 1), got " + level);
        }
        if (replicates < 1) {
            throw new IllegalArgumentException("the bootstrap needs at least 1 replicate, got " + replicates);
        }
    }

    /** The p-value (1 + #{D_b ≥ D}) / (B + 1) and the critical value from the replicates' D (sorted here). */
    private static ExponentialityResult bootstrapResult(double d, double modified, long n, long escaped,
                                                        double[] replicateD, int exceed, double level,
                                                        boolean censored) {
        int replicates = replicateD.length;
        double p = (exceed + 1.0) / (replicates + 1.0);
        // D is rejected iff at most m = ⌊level·(B+1)⌋ − 1 replicates reach it, i.e. iff it exceeds the
        // (m+1)-th largest replicate; with m < 0 no D can be rejected.
        Arrays.sort(replicateD);
        int m = (int) Math.floor(level * (replicates + 1.0) + 1e-9) - 1;
        double critical = m < 0 ? Double.POSITIVE_INFINITY : replicateD[replicates - 1 - m];
        return new ExponentialityResult(d, modified, n, escaped, p, critical, level, replicates, p <= level,
                censored ? BOOTSTRAP_CENSORED : BOOTSTRAP);
    }

    /**
     * {@link #test(EscapeSample, double, int, long)} on a run's escapes and its count censored at
     * the end: the same result, bit for bit, without per-particle arrays. Each replicate draws the
     * same uniforms in the same order; a uniform above the largest one whose exponential falls
     * inside the run is censored without its logarithm (the map u ↦ −log(1 − u)/k̂ is
     * non-decreasing, Math.log being semi-monotonic), and only the replicate's escapes are kept
     * and sorted.
     */
    public static ExponentialityResult test(EndCensoredSample s, double level, int replicates, long seed) {
        checkArguments(level, replicates);
        int n = s.size();
        long escaped = s.escapedCount();
        if (escaped < 2) {
            return new ExponentialityResult(Double.NaN, Double.NaN, n, escaped, Double.NaN, Double.NaN, level, 0,
                    false, INSUFFICIENT);
        }
        boolean censored = s.censored() > 0;
        double d = distance(s.sorted());
        double modified = censored ? Double.NaN : stephensModified(d, n);
        double rate = escaped / s.exposure();
        double censorAt = censored ? s.end() : Double.POSITIVE_INFINITY;
        double lastInside = censored ? largestUniformInside(rate, censorAt) : 1.0;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] replicateD = new double[replicates];
        double[] esc = new double[(int) Math.min(n, Math.max(16, 2 * escaped))];
        int exceed = 0;
        for (int r = 0; r < replicates; r++) {
            int ne = 0;
            double exposure = 0;
            for (int i = 0; i < n; i++) {
                double u = rng.nextDouble();
                if (u > lastInside) {
                    exposure += censorAt;
                    continue;
                }
                double x = -Math.log(1 - u) / rate;
                if (x <= censorAt) {
                    if (ne == esc.length) {
                        esc = Arrays.copyOf(esc, (int) Math.min(n, 2L * ne));
                    }
                    esc[ne++] = x;
                    exposure += x;
                } else {
                    exposure += censorAt;
                }
            }
            double[] sorted = Arrays.copyOf(esc, ne);
            Arrays.sort(sorted);
            replicateD[r] = distance(new SortedEscapes(sorted, new double[0], n - ne, censorAt, exposure));
            if (replicateD[r] >= d) {
                exceed++;
            }
        }
        return bootstrapResult(d, modified, n, escaped, replicateD, exceed, level, censored);
    }

    /**
     * The largest uniform u = j·2⁻⁵³ (what nextDouble returns) with −log(1 − u)/rate ≤ t, by
     * bisection on j: the map is non-decreasing, and u = 0 gives 0 ≤ t.
     */
    static double largestUniformInside(double rate, double t) {
        long lo = 0;
        long hi = 1L << 53;
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (-Math.log(1 - mid * 0x1.0p-53) / rate <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo * 0x1.0p-53;
    }

    private static ExponentialityResult insufficient(EscapeSample s, double level) {
        return new ExponentialityResult(Double.NaN, Double.NaN, s.size(), s.escapedCount(), Double.NaN, Double.NaN,
                level, 0, false, INSUFFICIENT);
    }

    /** Each particle's potential censoring time: its own if censored, else T; +∞ for complete samples. */
    private static double[] censoringTimes(EscapeSample s) {
        double[] t = s.timesView();
        boolean[] e = s.escapedView();
        double[] c = new double[t.length];
        boolean any = s.censoredCount() > 0;
        double end = s.maxTime();
        for (int i = 0; i < t.length; i++) {
            c[i] = !any ? Double.POSITIVE_INFINITY : e[i] ? end : t[i];
        }
        return c;
    }

    /**
     * sup over [0, T] of |S_KM(t) − e^{−k̂t}|, k̂ = escapes/exposure. On each flat stretch of S_KM the
     * exponential only decreases, so the sup sits at a stretch's ends: both sides of every jump and T
     * itself (S_KM is flat after the last escape while e^{−k̂t} goes on falling). Without censoring
     * S_KM is 1 − the empirical CDF and this is the KS distance; ties are handled by the jump sizes.
     */
    static double distance(SortedEscapes sorted) {
        double[] esc = sorted.escapes();
        double[] cen = sorted.censored();
        int ne = esc.length;
        if (ne == 0 || !(sorted.exposure() > 0)) {
            // No escapes: k̂ = 0 and e^{0} = 1 = S_KM. All escapes at t = 0: k̂ = ∞, both curves drop at 0.
            return 0;
        }
        double rate = ne / sorted.exposure();
        double d = 0;
        double surv = 1;
        long atRisk = sorted.size();
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
        double end = Math.max(esc[ne - 1], sorted.lastCensored());
        return Math.max(d, Math.abs(surv - Math.exp(-rate * end)));
    }
}
