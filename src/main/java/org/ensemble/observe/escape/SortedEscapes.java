package org.ensemble.observe.escape;

import java.util.Arrays;

/**
 * A sample (or a bootstrap resample) split into sorted escape times and sorted censoring times,
 * with its exposure: the primitive form Kaplan–Meier walks need in bootstrap loops, where boxing
 * and comparators would dominate. Besides the explicit censoring times, {@code atEnd} particles
 * may be censored at {@code end}, a time no earlier than any escape or explicit censoring: the
 * end of a run, kept as a count so that large runs hold no per-particle array
 * ({@link EndCensoredSample}); the walks never reach those before the last escape.
 */
record SortedEscapes(double[] escapes, double[] censored, long atEnd, double end, double exposure) {

    SortedEscapes(double[] escapes, double[] censored, double exposure) {
        this(escapes, censored, 0, 0, exposure);
    }

    /** {@code pick} selects the resample's indices (null: the sample itself). */
    static SortedEscapes of(double[] times, boolean[] escaped, int[] pick) {
        int n = pick == null ? times.length : pick.length;
        int ne = 0;
        for (int i = 0; i < n; i++) {
            ne += escaped[pick == null ? i : pick[i]] ? 1 : 0;
        }
        double[] esc = new double[ne];
        double[] cen = new double[n - ne];
        int a = 0;
        int c = 0;
        double exposure = 0;
        for (int i = 0; i < n; i++) {
            int k = pick == null ? i : pick[i];
            exposure += times[k];
            if (escaped[k]) {
                esc[a++] = times[k];
            } else {
                cen[c++] = times[k];
            }
        }
        Arrays.sort(esc);
        Arrays.sort(cen);
        return new SortedEscapes(esc, cen, exposure);
    }

    long size() {
        return escapes.length + censored.length + atEnd;
    }

    /** The largest censoring time (0 without censoring). */
    double lastCensored() {
        return atEnd > 0 ? end : censored.length > 0 ? censored[censored.length - 1] : 0;
    }
}
