package org.ensemble.sgd;

import java.util.List;
import org.ensemble.random.Streams;

/**
 * Simulated compute time of worker w's k-th gradient, a pure function of (seed, w, k): constant
 * ({@code fixed}), geometric on {1, 2, …} with the given mean, or log-normal with the given median
 * and log-sd; the last {@code stragglers} workers take {@code slowdown} times longer. Under ASP with
 * fixed times every push is exactly M − 1 versions stale (τ = M − 1).
 */
public record DelayModel(Kind kind, double mean, double sigma, int stragglers, double slowdown, long seed) {
    /** Philox auxiliary stream of compute times (Streams uses 1–6; 1501 is this number). */
    static final int STREAM_DELAY = 1501;

    public enum Kind {
        FIXED("fixed"), GEOMETRIC("geometric"), LOG_NORMAL("log-normal");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static List<String> keys() {
            return List.of("fixed", "geometric", "log-normal");
        }

        public static Kind parse(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("expected one of " + keys() + ", got '" + key + "'");
        }
    }

    public DelayModel {
        if (!(mean > 0) || !(sigma >= 0) || stragglers < 0 || !(slowdown >= 1)) {
            throw new IllegalArgumentException("delay model needs mean > 0, sigma ≥ 0, stragglers ≥ 0, slowdown ≥ 1");
        }
        if (kind == Kind.GEOMETRIC && mean < 1) {
            throw new IllegalArgumentException("a geometric compute time has mean ≥ 1, got " + mean);
        }
    }

    public static DelayModel fixed() {
        return new DelayModel(Kind.FIXED, 1, 0, 0, 1, 0);
    }

    /** Compute time of worker {@code w}'s gradient number {@code k} among {@code workers}. */
    public double computeTime(int w, long k, int workers) {
        double c = switch (kind) {
            case FIXED -> mean;
            case GEOMETRIC -> {
                if (mean == 1) {
                    yield 1;
                }
                double u = 1 - Streams.uniform(seed, w, STREAM_DELAY, k); // in (0, 1]
                yield 1 + Math.floor(Math.log(u) / Math.log1p(-1 / mean));
            }
            case LOG_NORMAL -> mean * Math.exp(sigma * Streams.auxNormal(seed, w, STREAM_DELAY, k));
        };
        return w >= workers - stragglers ? c * slowdown : c;
    }

    public String describe() {
        String base = switch (kind) {
            case FIXED -> "fixed(" + mean + ")";
            case GEOMETRIC -> "geometric(mean=" + mean + ")";
            case LOG_NORMAL -> "log-normal(median=" + mean + ", sigma=" + sigma + ")";
        };
        return stragglers > 0 ? base + " with " + stragglers + " stragglers ×" + slowdown : base;
    }
}
