package org.ensemble.dynamics;

/** Which Langevin dynamics a population follows. */
public enum LangevinType {
    /** dX = −∇V dt + sqrt(2/β) dW, Euler–Maruyama. */
    OVERDAMPED("overdamped"),
    /** dq = p dt, dp = −∇V dt − γ p dt + sqrt(2γ/β) dW (unit mass), BAOAB splitting. */
    UNDERDAMPED("underdamped");

    private final String key;

    LangevinType(String key) {
        this.key = key;
    }

    /** The name used in scenario files. */
    public String key() {
        return key;
    }
}
