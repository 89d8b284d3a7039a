package org.ensemble.graphdynamics;

import org.ensemble.potential.Potential;

/**
 * The built-in Langevin rule: message x_j − x_i (linear, so the complete graph still runs through
 * its sums), drift −V'(x_i) + (K/norm_i) Σ_j w_ij (x_j − x_i), V a 1-D potential of the existing
 * ones (double well, harmonic, or a user potential class). On the complete graph with K/N this is
 * the Desai–Zwanzig model with θ = K ({@link org.ensemble.meanfield.DesaiZwanzig}).
 */
public record PotentialNodeUpdate(Potential potential) implements NodeUpdate {
    public PotentialNodeUpdate {
        if (potential.dimension() != 1) {
            throw new IllegalArgumentException("a node's state is one number: the potential must be 1-D, "
                    + potential.name() + " has dimension " + potential.dimension());
        }
    }

    @Override
    public double message(double xi, double xj) {
        return xj - xi;
    }

    @Override
    public double drift(long node, double x, double coupled) {
        // two one-element arrays: escape analysis keeps them off the heap in the hot loop
        double[] at = {x};
        double[] g = new double[1];
        potential.gradient(at, g);
        return -g[0] + coupled;
    }

    @Override
    public String name() {
        return "langevin in " + potential.name();
    }
}
