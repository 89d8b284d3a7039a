package org.ensemble.splitting;

import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.potential.MullerBrownPotential;

/** The double-well AMS set-up the tests share: start −0.9, A = {x ≤ −1}, B = {x ≥ 1}. */
final class AmsSpecs {
    static final DoubleWellPotential WELL = new DoubleWellPotential(0);

    static final MullerBrownPotential MULLER_BROWN = new MullerBrownPotential(0.05);
    /** Balls of radius 0.1 around the two deep Müller–Brown minima, ξ = distance to A's centre. */
    static final Balls MB_BALLS = new Balls(new double[] {-0.558, 1.442}, 0.1, new double[] {0.623, 0.028}, 0.1,
            Balls.DISTANCE);
    static final double[] MB_START = {-0.6, 1.25};

    private AmsSpecs() {
    }

    static AmsSpec doubleWell(double[] betas, double dt, long seed, int n, int k, int runs, int shards, int block) {
        return new AmsSpec(WELL, betas, dt, seed, n, k, runs, new double[] {-0.9}, 0, -1, 1, true, 50_000_000,
                shards, block);
    }

    /** Müller–Brown (scale 0.05) from (−0.6, 1.25) between the balls, dt = 1e-3. */
    static AmsSpec mullerBrown(double[] betas, long seed, int n, int k, int runs, int shards, int block) {
        return AmsSpec.ofBalls(MULLER_BROWN, betas, 1e-3, seed, n, k, runs, MB_START, MB_BALLS, true, 50_000_000,
                shards, block);
    }
}
