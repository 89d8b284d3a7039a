package org.ensemble.network;

/**
 * A neuron's activation σ and its derivative. The ramp is Mei–Montanari–Nguyen's piecewise-linear
 * σ(t) = s1 for t ≤ t1, s2 for t ≥ t2, linear in between; the other kinds ignore the constants.
 * Hot loops switch on {@link #kind()} once, outside the loop.
 */
public record Activation(Kind kind, double t1, double t2, double s1, double s2) {
    public enum Kind {
        TANH("tanh"), RELU("relu"), SIGMOID("sigmoid"), RAMP("ramp");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Kind parse(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown activation '" + key + "'; expected tanh, relu, sigmoid or ramp");
        }
    }

    /** The ramp constants remembered for MMN's isotropic-Gaussian example (see ../shared/reference). */
    public static final double RAMP_T1 = 0.5;
    public static final double RAMP_T2 = 1.5;
    public static final double RAMP_S1 = -2.5;
    public static final double RAMP_S2 = 7.5;

    public Activation {
        if (kind == null) {
            throw new IllegalArgumentException("activation kind is required");
        }
        if (kind == Kind.RAMP && !(t1 < t2)) {
            throw new IllegalArgumentException("ramp needs t1 < t2, got t1 = " + t1 + ", t2 = " + t2);
        }
    }

    public static Activation of(Kind kind) {
        return new Activation(kind, RAMP_T1, RAMP_T2, RAMP_S1, RAMP_S2);
    }

    public static Activation ramp(double t1, double t2, double s1, double s2) {
        return new Activation(Kind.RAMP, t1, t2, s1, s2);
    }

    /** Slope of the ramp's linear part. */
    public double rampSlope() {
        return (s2 - s1) / (t2 - t1);
    }

    public double value(double h) {
        return switch (kind) {
            case TANH -> Math.tanh(h);
            case RELU -> h > 0 ? h : 0.0;
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-h));
            case RAMP -> h <= t1 ? s1 : (h >= t2 ? s2 : s1 + rampSlope() * (h - t1));
        };
    }

    /** σ'(h); at the ramp's and ReLU's kinks the derivative of the open side (0 at t1, t2 and 0). */
    public double derivative(double h) {
        return switch (kind) {
            case TANH -> {
                double t = Math.tanh(h);
                yield 1.0 - t * t;
            }
            case RELU -> h > 0 ? 1.0 : 0.0;
            case SIGMOID -> {
                double s = 1.0 / (1.0 + Math.exp(-h));
                yield s * (1.0 - s);
            }
            case RAMP -> (h > t1 && h < t2) ? rampSlope() : 0.0;
        };
    }

    public String describe() {
        return kind == Kind.RAMP ? String.format("ramp(t1=%s, t2=%s, s1=%s, s2=%s)", t1, t2, s1, s2) : kind.key();
    }
}
