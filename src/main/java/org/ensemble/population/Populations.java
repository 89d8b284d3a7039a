package org.ensemble.population;

import org.ensemble.random.Streams;

/** Fills slabs with their initial state. */
public final class Populations {
    private Populations() {
    }

    /**
     * Positions from {@code init}; velocities (if the slab has them) from the Maxwell–Boltzmann law
     * N(0, 1/β) per coordinate, drawn from the initial-velocity stream.
     */
    public static void initialize(ParticleSlab slab, InitialCondition init, long seed, double beta) {
        int d = slab.dimension();
        if (init.dimension() != d) {
            throw new IllegalArgumentException("initial condition has dimension " + init.dimension()
                    + " but the particles have " + d);
        }
        int n = slab.size();
        double[] x = new double[d];
        double[] pos = slab.positions();
        double[] vel = slab.velocities();
        double sd = 1.0 / Math.sqrt(beta);
        for (int i = 0; i < n; i++) {
            long id = slab.firstId() + i;
            init.position(seed, id, x);
            for (int c = 0; c < d; c++) {
                pos[c * n + i] = x[c];
                if (vel != null) {
                    vel[c * n + i] = sd * Streams.auxNormal(seed, id, Streams.STREAM_INIT_VELOCITY, c);
                }
            }
        }
    }
}
