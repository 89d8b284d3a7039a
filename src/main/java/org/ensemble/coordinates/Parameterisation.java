package org.ensemble.coordinates;

/**
 * How a coordinate's weight w_i is represented and stepped, given the loss gradient g_i = ∂L/∂w_i.
 * Each coordinate keeps two numbers (a, b); only {@link #SIGNED_SQUARES} uses both.
 */
public enum Parameterisation {
    /** w = a; GD: a ← a − η g. Started at a = init. */
    LINEAR("linear") {
        @Override
        void start(double init, double[] a, double[] b, int i) {
            a[i] = init;
            b[i] = 0;
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
    /**
     * The diagonal ("spindly") network w = u⊙u − v⊙v, a = u, b = v, started at u = v = init (w = 0);
     * GD on (u, v): ∂L/∂u = 2u g, ∂L/∂v = −2v g.
     */
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
            b[i] = 0;
        }

        @Override
        void step(double eta, double g, double[] a, double[] b, int i) {
            a[i] *= Math.exp(-eta * g);
        }

        @Override
        double weight(double a, double b) {
            return a;
        }
    };

    private final String key;

    Parameterisation(String key) {
        this.key = key;
    }

    /** The scenario spelling. */
    public String key() {
        return key;
    }

    public static Parameterisation of(String key) {
        for (Parameterisation p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown parameterisation '" + key + "'");
    }

    /** This parameterisation's start of coordinate i, for kinds that step coordinates their own way (online models). */
    public void startCoordinate(double init, double[] a, double[] b, int i) {
        start(init, a, b, i);
    }

    /** One step of coordinate i given its loss gradient g (see {@link #startCoordinate}). */
    public void stepCoordinate(double eta, double g, double[] a, double[] b, int i) {
        step(eta, g, a, b, i);
    }

    /** The weight w of a coordinate whose state is (a, b). */
    public double weightOf(double a, double b) {
        return weight(a, b);
    }

    abstract void start(double init, double[] a, double[] b, int i);

    abstract void step(double eta, double g, double[] a, double[] b, int i);

    abstract double weight(double a, double b);
}
