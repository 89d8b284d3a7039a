package org.ensemble.observe.escape;

import java.util.Arrays;

/**
 * Right-censored first-passage times: {@code times[i]} is an escape time when
 * {@code escaped[i]}, else the time the particle was last seen without escaping.
 */
public record EscapeSample(double[] times, boolean[] escaped) {
    public EscapeSample {
        if (times.length != escaped.length) {
            throw new IllegalArgumentException("times and flags differ in length");
        }
        for (double t : times) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("escape times must be finite and ≥ 0, got " + t);
            }
        }
        times = times.clone();
        escaped = escaped.clone();
    }

    /** Escape times of the escaped particles, plus {@code censored} particles all censored at {@code censorTime}. */
    public static EscapeSample of(double[] escapeTimes, long censored, double censorTime) {
        int n = Math.toIntExact(escapeTimes.length + censored);
        double[] t = Arrays.copyOf(escapeTimes, n);
        boolean[] e = new boolean[n];
        Arrays.fill(e, 0, escapeTimes.length, true);
        Arrays.fill(t, escapeTimes.length, n, censorTime);
        return new EscapeSample(t, e);
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

    /** Total time at risk Σ tᵢ (the exponential likelihood's exposure). */
    public double exposure() {
        double s = 0;
        for (double t : times) {
            s += t;
        }
        return s;
    }

    public double maxTime() {
        double m = 0;
        for (double t : times) {
            m = Math.max(m, t);
        }
        return m;
    }
}
