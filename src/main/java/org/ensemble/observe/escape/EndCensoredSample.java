package org.ensemble.observe.escape;

import java.util.Arrays;

/**
 * The escape times of a run and the number of particles still inside at its end, all censored
 * at the same time {@code end}: the shape of every escape run's data, held without a
 * per-particle array, so that the end-of-run analysis needs memory for the escapes only and
 * time linear in the population. It stands for {@code EscapeSample.of(escapeTimes, censored,
 * end)} — the escapes first, in the given order, then the censored particles — and the
 * estimators give it exactly that sample's results, bit for bit (tested): the bootstraps draw
 * the same random numbers in the same order, and sums run in the same order.
 *
 * @param escapeTimes escape times, in sample order (each in [0, end])
 * @param censored    particles that had not escaped at {@code end}
 * @param end         the censoring time, the end of the run
 */
public record EndCensoredSample(double[] escapeTimes, long censored, double end) {
    public EndCensoredSample {
        if (!(end >= 0) || Double.isInfinite(end)) {
            throw new IllegalArgumentException("end time must be finite and ≥ 0, got " + end);
        }
        if (censored < 0) {
            throw new IllegalArgumentException("censored count must be ≥ 0, got " + censored);
        }
        if (escapeTimes.length + censored > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("sample of " + (escapeTimes.length + censored)
                    + " particles is larger than the estimators' bootstraps index");
        }
        for (int i = 0; i < escapeTimes.length; i++) {
            double t = escapeTimes[i];
            if (!(t >= 0 && t <= end)) {
                throw new IllegalArgumentException("escape time " + i + " must lie in [0, " + end + "], got " + t);
            }
        }
        escapeTimes = escapeTimes.clone();
    }

    @Override
    public double[] escapeTimes() {
        return escapeTimes.clone();
    }

    /** Without copying, for the estimators (callers never write). */
    double[] escapeTimesView() {
        return escapeTimes;
    }

    public int size() {
        return (int) (escapeTimes.length + censored);
    }

    public long escapedCount() {
        return escapeTimes.length;
    }

    /** Σ tᵢ in sample order (escapes, then the censored at {@code end}), as {@link EscapeSample#exposure}. */
    public double exposure() {
        double s = 0;
        for (double t : escapeTimes) {
            s += t;
        }
        for (long i = 0; i < censored; i++) {
            s += end;
        }
        return s;
    }

    /** The same data as a per-particle sample (small samples, tests). */
    public EscapeSample toSample() {
        return EscapeSample.of(escapeTimes, censored, end);
    }

    /** Sorted escapes, the censored as a count at {@code end}. */
    SortedEscapes sorted() {
        double[] esc = escapeTimes.clone();
        Arrays.sort(esc);
        return new SortedEscapes(esc, new double[0], censored, end, exposure());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EndCensoredSample s && Arrays.equals(escapeTimes, s.escapeTimes)
                && censored == s.censored && Double.compare(end, s.end) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(escapeTimes) + Long.hashCode(censored)) + Double.hashCode(end);
    }

    @Override
    public String toString() {
        return "EndCensoredSample[escaped=" + escapeTimes.length + ", censored=" + censored + ", end=" + end + "]";
    }
}
