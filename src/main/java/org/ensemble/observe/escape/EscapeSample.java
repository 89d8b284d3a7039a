package org.ensemble.observe.escape;

import java.util.Arrays;

/**
 * Right-censored first-passage times: {@code times[i]} is particle i's escape time when
 * {@code escaped[i]}, else the time it was last seen without escaping (its censoring time).
 * Censoring times may differ between particles (general right censoring); a plain run censors
 * everyone at the end time T.
 *
 * <p>Immutable: the arrays are copied on the way in and on the way out, because a record's
 * array components would otherwise be shared and mutable.
 */
public record EscapeSample(double[] times, boolean[] escaped) {
    public EscapeSample {
        if (times == null || escaped == null) {
            throw new IllegalArgumentException("times and escaped flags must not be null");
        }
        if (times.length != escaped.length) {
            throw new IllegalArgumentException("times (" + times.length + ") and escaped flags (" + escaped.length
                    + ") differ in length");
        }
        for (int i = 0; i < times.length; i++) {
            checkTime(times[i], "time of particle " + i);
        }
        times = times.clone();
        escaped = escaped.clone();
    }

    /** Escape times, plus {@code censored} particles all censored at {@code censorTime}. */
    public static EscapeSample of(double[] escapeTimes, long censored, double censorTime) {
        if (censored < 0) {
            throw new IllegalArgumentException("censored count must be ≥ 0, got " + censored);
        }
        checkTime(censorTime, "censoring time");
        long total = escapeTimes.length + censored;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("sample of " + total + " particles is too large for one array");
        }
        int n = (int) total;
        double[] t = Arrays.copyOf(escapeTimes, n);
        boolean[] e = new boolean[n];
        Arrays.fill(e, 0, escapeTimes.length, true);
        Arrays.fill(t, escapeTimes.length, n, censorTime);
        return new EscapeSample(t, e);
    }

    /** Escape times of the escaped particles and individual censoring times of the others. */
    public static EscapeSample of(double[] escapeTimes, double[] censorTimes) {
        int n = escapeTimes.length + censorTimes.length;
        double[] t = Arrays.copyOf(escapeTimes, n);
        System.arraycopy(censorTimes, 0, t, escapeTimes.length, censorTimes.length);
        boolean[] e = new boolean[n];
        Arrays.fill(e, 0, escapeTimes.length, true);
        return new EscapeSample(t, e);
    }

    private static void checkTime(double t, String what) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException(what + " is NaN");
        }
        if (t < 0 || Double.isInfinite(t)) {
            throw new IllegalArgumentException(what + " must be finite and ≥ 0, got " + t);
        }
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public boolean[] escaped() {
        return escaped.clone();
    }

    public int size() {
        return times.length;
    }

    public long escapedCount() {
        long k = 0;
        for (boolean b : escaped) {
            k += b ? 1 : 0;
        }
        return k;
    }

    public long censoredCount() {
        return times.length - escapedCount();
    }

    /** Escape times of the escaped particles, in sample order. */
    public double[] escapeTimes() {
        double[] out = new double[(int) escapedCount()];
        int k = 0;
        for (int i = 0; i < times.length; i++) {
            if (escaped[i]) {
                out[k++] = times[i];
            }
        }
        return out;
    }

    /** Total time at risk Σ tᵢ over all particles (the exponential likelihood's exposure, "TTT"). */
    public double exposure() {
        double s = 0;
        for (double t : times) {
            s += t;
        }
        return s;
    }

    /** The largest observed time (escape or censoring): the end of the observation window. */
    public double maxTime() {
        double m = 0;
        for (double t : times) {
            m = Math.max(m, t);
        }
        return m;
    }

    /** Package access without copying, for the estimators' inner loops (callers never write). */
    double[] timesView() {
        return times;
    }

    boolean[] escapedView() {
        return escaped;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EscapeSample s && Arrays.equals(times, s.times) && Arrays.equals(escaped, s.escaped);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Arrays.hashCode(escaped);
    }

    @Override
    public String toString() {
        return "EscapeSample[n=" + size() + ", escaped=" + escapedCount() + ", censored=" + censoredCount()
                + ", maxTime=" + maxTime() + "]";
    }
}
