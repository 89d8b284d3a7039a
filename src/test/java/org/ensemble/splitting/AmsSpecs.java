package org.ensemble.splitting;

import org.ensemble.potential.DoubleWellPotential;

/** The double-well AMS set-up the tests share: start −0.9, A = {x ≤ −1}, B = {x ≥ 1}. */
final class AmsSpecs {
    static final DoubleWellPotential WELL = new DoubleWellPotential(0);

    private AmsSpecs() {
    }

    static AmsSpec doubleWell(double[] betas, double dt, long seed, int n, int k, int runs, int shards, int block) {
        return new AmsSpec(WELL, betas, dt, seed, n, k, runs, new double[] {-0.9}, 0, -1, 1, true, 50_000_000,
                shards, block);
    }
}
