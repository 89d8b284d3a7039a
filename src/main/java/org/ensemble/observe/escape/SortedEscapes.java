package org.ensemble.observe.escape;

import java.util.Arrays;

/**
 * A sample (or a bootstrap resample) split into sorted escape times and sorted censoring times,
 * with its exposure: the primitive form Kaplan–Meier walks need in bootstrap loops, where boxing
 * and comparators would dominate.
 */
record SortedEscapes(double[] escapes, double[] censored, double exposure) {

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

    int size() {
        return escapes.length + censored.length;
    }
}
