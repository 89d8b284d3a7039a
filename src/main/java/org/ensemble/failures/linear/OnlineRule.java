package org.ensemble.failures.linear;

/**
 * How one coordinate of a linear model keeps and steps its weight w_i, given g_i = c·x_i (c the
 * loss derivative at the example's prediction). Each coordinate keeps two numbers (a, b).
 */
public enum OnlineRule {
    /** w = a; GD a ← a − η g, started at a = init. */
    GD("gd") {
        @Override
        void start(double init, double[] a, double[] b, int i) {
            a[i] = init;
        }

        @Override
        void step(double eta, double g, double[] a, double[] b, int i) {
            a[i] -= eta * g;
        }

        @Override
        double weight(double a, double b) {
            return a;
        }
    },
    /** The spindly network w = u⊙v (a = u, b = v), started at u = v = init; GD: ∂/∂u = v g, ∂/∂v = u g. */
    SPINDLY("spindly") {
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
    /** The signed spindly form w = u⊙u − v⊙v, started at u = v = init (w = 0); ∂/∂u = 2u g, ∂/∂v = −2v g. */
    SIGNED_SQUARES("signed-squares") {
        @Override
        void start(double init, double[] a, double[] b, int i) {
            a[i] = init;
            b[i] = init;
        }

        @Override
        void step(double eta, double g, double[] a, double[] b, int i) {
            double u = a[i];
            double v = b[i];
            a[i] = u - eta * 2 * u * g;
            b[i] = v + eta * 2 * v * g;
        }

        @Override
        double weight(double a, double b) {
            return a * a - b * b;
        }
    },
    /** Unnormalised exponentiated gradient: w = a &gt; 0, a ← a·exp(−η g), started at a = init. */
    EGU("egu") {
        @Override
        void start(double init, double[] a, double[] b, int i) {
            a[i] = init;
        }

        @Override
        void step(double eta, double g, double[] a, double[] b, int i) {
            a[i] *= Math.exp(-eta * g);
        }

        @Override
        double weight(double a, double b) {
            return a;
        }
    },
    /**
     * Normalised exponentiated gradient: w = a / Σa on the simplex, a ← a·exp(−η g) (the shards
     * also divide by the broadcast Σa of the step before, which keeps a of order one and leaves w
     * unchanged), started uniform.
     */
    EG("eg") {
        @Override
        void start(double init, double[] a, double[] b, int i) {
            a[i] = 1;
        }

        @Override
        void step(double eta, double g, double[] a, double[] b, int i) {
            a[i] *= Math.exp(-eta * g);
        }

        @Override
        double weight(double a, double b) {
            return a;
        }

        @Override
        public boolean normalised() {
            return true;
        }
    };

    private final String key;

    OnlineRule(String key) {
        this.key = key;
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

    abstract void start(double init, double[] a, double[] b, int i);

    abstract void step(double eta, double g, double[] a, double[] b, int i);

    /** The coordinate's weight (before normalisation). */
    abstract double weight(double a, double b);
}
