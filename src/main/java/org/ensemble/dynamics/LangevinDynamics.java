package org.ensemble.dynamics;

/**
 * Parameters of a Langevin dynamics and the coefficients its integrator uses.
 *
 * @param type     overdamped or underdamped
 * @param beta     inverse temperature β &gt; 0
 * @param dt       time step &gt; 0
 * @param friction γ &gt; 0 (underdamped only; ignored for overdamped)
 */
public record LangevinDynamics(LangevinType type, double beta, double dt, double friction) {
    public LangevinDynamics {
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be positive and finite, got " + beta);
        }
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be positive and finite, got " + dt);
        }
        if (type == LangevinType.UNDERDAMPED && (!(friction > 0) || Double.isInfinite(friction))) {
            throw new IllegalArgumentException("friction must be positive and finite, got " + friction);
        }
    }

    public static LangevinDynamics overdamped(double beta, double dt) {
        return new LangevinDynamics(LangevinType.OVERDAMPED, beta, dt, 1.0);
    }

    public static LangevinDynamics underdamped(double beta, double dt, double friction) {
        return new LangevinDynamics(LangevinType.UNDERDAMPED, beta, dt, friction);
    }

    /** Overdamped noise amplitude sqrt(2 dt/β). */
    public double noise() {
        return Math.sqrt(2.0 * dt / beta);
    }

    public double halfDt() {
        return 0.5 * dt;
    }

    /** BAOAB O-step decay e^{−γ dt}. */
    public double ouDecay() {
        return Math.exp(-friction * dt);
    }

    /** BAOAB O-step noise sqrt((1 − e^{−2γ dt})/β): keeps the Maxwell–Boltzmann law N(0, 1/β) exact. */
    public double ouNoise() {
        double c = ouDecay();
        return Math.sqrt((1.0 - c * c) / beta);
    }

    /** Number of whole steps that cover simulated time {@code t} (rounded to nearest). */
    public long stepsFor(double t) {
        return Math.round(t / dt);
    }
}
