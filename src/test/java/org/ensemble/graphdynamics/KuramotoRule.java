package org.ensemble.graphdynamics;

/** Identical Kuramoto oscillators written as a user rule (no-argument constructor, periodic states). */
public final class KuramotoRule implements NodeUpdate {
    @Override
    public double message(double xi, double xj) {
        return Math.sin(xj - xi);
    }

    @Override
    public double drift(long node, double x, double coupled) {
        return 0 + coupled;
    }

    @Override
    public boolean periodic() {
        return true;
    }
}
