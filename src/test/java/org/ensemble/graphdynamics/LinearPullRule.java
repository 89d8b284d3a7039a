package org.ensemble.graphdynamics;

import org.ensemble.potential.PotentialParams;

/**
 * A user rule as a scenario names it ({@code update { class = "org.ensemble.graphdynamics.LinearPullRule",
 * params { a = 2 } }}): message x_j − x_i, drift −a·x + coupled — Langevin in the harmonic well a x²/2
 * written by hand, so it must give the built-in rule's bytes.
 */
public final class LinearPullRule implements NodeUpdate {
    private final double a;

    public LinearPullRule(PotentialParams params) {
        this.a = params.getDouble("a");
    }

    @Override
    public double message(double xi, double xj) {
        return xj - xi;
    }

    @Override
    public double drift(long node, double x, double coupled) {
        return -(a * x) + coupled;
    }
}
