package org.ensemble.coordinates;

/**
 * The per-example loss ℓ(z, y) of a linear prediction z = ⟨x, w⟩ and its derivative in z; the
 * reported loss is the mean over examples, L = (1/n) Σ ℓ(z_j, y_j).
 */
public enum LossKind {
    /** ℓ = ½ (z − y)². */
    SQUARE("square") {
        @Override
        public double value(double z, double y) {
            double r = z - y;
            return 0.5 * r * r;
        }

        @Override
        public double derivative(double z, double y) {
            return z - y;
        }
    },
    /** ℓ = log(1 + e^{−yz}) for labels y = ±1, computed without overflow. */
    LOGISTIC("logistic") {
        @Override
        public double value(double z, double y) {
            double m = y * z;
            return m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
        }

        @Override
        public double derivative(double z, double y) {
            double m = y * z;
            // −y σ(−m), with σ(−m) = e^{−m}/(1+e^{−m}) written to stay finite for either sign.
            double s = m > 0 ? Math.exp(-m) / (1 + Math.exp(-m)) : 1 / (1 + Math.exp(m));
            return -y * s;
        }
    };

    private final String key;

    LossKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static LossKind of(String key) {
        for (LossKind l : values()) {
            if (l.key.equals(key)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + key + "'");
    }

    public abstract double value(double z, double y);

    public abstract double derivative(double z, double y);
}
