package org.ensemble.dynamics;

/**
 * BAOAB splitting (Leimkuhler–Matthews) for unit-mass Langevin dynamics: half kick, half drift,
 * exact Ornstein–Uhlenbeck on the velocity, half drift, half kick. One force evaluation per
 * step (the closing kick's force opens the next step).
 */
public final class UnderdampedBaoab {
    private UnderdampedBaoab() {
    }

    /** B: v − (dt/2)·force. */
    public static double kick(double v, double force, double halfDt) {
        return v - halfDt * force;
    }

    /** A: x + (dt/2)·v. */
    public static double drift(double x, double v, double halfDt) {
        return x + halfDt * v;
    }

    /** O: e^{−γ dt}·v + sqrt((1 − e^{−2γ dt})/β)·g. */
    public static double thermostat(double v, double decay, double ouNoise, double g) {
        return decay * v + ouNoise * g;
    }
}
