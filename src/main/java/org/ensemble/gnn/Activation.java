package org.ensemble.gnn;

/** The nonlinearity after a layer's linear map, with its derivative read from the output (for forward-mode tangents). */
public enum Activation {
    IDENTITY("identity"),
    RELU("relu"),
    TANH("tanh");

    private final String key;

    Activation(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public double apply(double z) {
        return switch (this) {
            case IDENTITY -> z;
            case RELU -> z > 0 ? z : 0.0;
            case TANH -> Math.tanh(z);
        };
    }

    /** σ'(z) given h = σ(z): 1; 1 where h > 0 (0 at the kink); 1 − h². */
    public double derivativeFromOutput(double h) {
        return switch (this) {
            case IDENTITY -> 1.0;
            case RELU -> h > 0 ? 1.0 : 0.0;
            case TANH -> 1 - h * h;
        };
    }

    public static Activation of(String key) {
        for (Activation a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + key + "'");
    }
}
