package org.ensemble.dynamics;

/** Euler–Maruyama for dX = −F(X) dt + sqrt(2/β) dW, F = ∇V (+ interaction). */
public final class OverdampedLangevin {
    private OverdampedLangevin() {
    }

    /** x − force·dt + noise·g, with noise = sqrt(2 dt/β) and g ~ N(0, 1). */
    public static double step(double x, double force, double dt, double noise, double g) {
        return x - force * dt + noise * g;
    }
}
