package org.ensemble.network;

/**
 * Per-sample loss ℓ(y, f) and the residual −∂ℓ/∂f that SGD multiplies into the gradient.
 * Square: ℓ = (y − f)²/2, residual y − f. Logistic (labels ±1): ℓ = log(1 + e^{−y f}),
 * residual y/(1 + e^{y f}).
 */
public enum Loss {
    SQUARE("square"), LOGISTIC("logistic");

    private final String key;

    Loss(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Loss parse(String key) {
        for (Loss l : values()) {
            if (l.key.equals(key)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + key + "'; expected square or logistic");
    }

    public double value(double y, double f) {
        if (this == SQUARE) {
            double e = y - f;
            return 0.5 * e * e;
        }
        double m = y * f;
        // log(1 + e^{−m}) without overflow for large |m|.
        return m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
    }

    /** −∂ℓ/∂f. */
    public double residual(double y, double f) {
        if (this == SQUARE) {
            return y - f;
        }
        double m = y * f;
        return m > 0 ? y * Math.exp(-m) / (1.0 + Math.exp(-m)) : y / (1.0 + Math.exp(m));
    }
}
