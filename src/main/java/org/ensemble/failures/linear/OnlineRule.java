package org.ensemble.failures.linear;

import org.ensemble.coordinates.Parameterisation;

/**
 * How one coordinate of a linear model keeps and steps its weight w_i, given g_i = c·x_i (c the
 * loss derivative at the example's prediction). Each coordinate keeps two numbers (a, b). GD on w,
 * the signed squares u⊙u − v⊙v and EGU are the coordinates kind's {@link Parameterisation}s, stepped
 * one example at a time; the spindly product u⊙v and normalised EG are this kind's own.
 */
public enum OnlineRule {
    /** w = a; GD a ← a − η g, started at a = init ({@link Parameterisation#LINEAR}). */
    GD("gd", Parameterisation.LINEAR),
    /** The spindly network w = u⊙v (a = u, b = v), started at u = v = init; GD: ∂/∂u = v g, ∂/∂v = u g. */
    SPINDLY("spindly", null) {
        @Override
        void start(double init, double[] a, double[] b, int i) {
            a[i] = init;
            b[i] = init;
        }

        @Override
        void step(double eta, double g, double[] a, double[] b, int i) {
            double u = a[i];
            double v = b[i];
            a[i] = u - eta * v * g;
            b[i] = v - eta * u * g;
        }

        @Override
        double weight(double a, double b) {
            return a * b;
        }
    },
    /** w = u⊙u − v⊙v, started at u = v = init (w = 0) ({@link Parameterisation#SIGNED_SQUARES}). */
    SIGNED_SQUARES("signed-squares", Parameterisation.SIGNED_SQUARES),
    /** Unnormalised exponentiated gradient: w = a &gt; 0, a ← a·exp(−η g) ({@link Parameterisation#EGU}). */
    EGU("egu", Parameterisation.EGU),
    /**
     * Normalised exponentiated gradient: w = a / Σa on the simplex, a ← a·exp(−η g) (the shards
     * also divide by the broadcast Σa of the step before, which keeps a of order one and leaves w
     * unchanged), started uniform whatever init.
     */
    EG("eg", Parameterisation.EGU) {
        @Override
        void start(double init, double[] a, double[] b, int i) {
            a[i] = 1;
        }

        @Override
        public boolean normalised() {
            return true;
        }
    };

    private final String key;
    /** The coordinates kind's parameterisation this rule steps like (null: its own). */
    private final Parameterisation like;

    OnlineRule(String key, Parameterisation like) {
        this.key = key;
        this.like = like;
    }

    public String key() {
        return key;
    }

    public static OnlineRule of(String key) {
        for (OnlineRule r : values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rule '" + key + "'");
    }

    /** Whether the model's weights are a / Σa (the reducer divides by the merged mass). */
    public boolean normalised() {
        return false;
    }

    void start(double init, double[] a, double[] b, int i) {
        like.startCoordinate(init, a, b, i);
    }

    void step(double eta, double g, double[] a, double[] b, int i) {
        like.stepCoordinate(eta, g, a, b, i);
    }

    /** The coordinate's weight (before normalisation). */
    double weight(double a, double b) {
        return like.weightOf(a, b);
    }
}
