package org.ensemble.splitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A replica's noise is keyed by (seed, lineage, step) and the coordinator merges trajectories in
 * member order, so the actor path gives the same numbers, bit for bit, for any shard count, and
 * the same as the plain core.
 */
class AmsDeterminismTest {
    @Test
    void sameBytesForOneTwoThreeShardsAndThePlainCore() {
        // 2 β × 3 runs × 20 replicas = 120 members in blocks of 8: shards hold unequal, run-straddling ranges.
        double[] betas = {5, 7};
        List<AmsRunResult> core = AmsCore.run(AmsSpecs.doubleWell(betas, 2e-3, 11, 20, 2, 3, 1, 8));
        assertEquals(6, core.size());
        for (int shards : new int[] {1, 2, 3}) {
            AmsPopulation.Outcome o = AmsPopulation.run(AmsSpecs.doubleWell(betas, 2e-3, 11, 20, 2, 3, shards, 8),
                    m -> { }, () -> false);
            assertTrue(o.completed(), o.engine().message());
            assertEquals(core, o.runs(), "shards = " + shards); // records compare doubles bitwise
        }
        for (AmsRunResult r : core) {
            assertTrue(r.p() > 0 && r.p() < 1e-2 && r.iterations() > 10, r.toString());
        }
        List<AmsRunResult> otherSeed = AmsCore.run(AmsSpecs.doubleWell(betas, 2e-3, 12, 20, 2, 3, 1, 8));
        assertNotEquals(core.get(0).p(), otherSeed.get(0).p());
    }

    @Test
    void ballsInTwoDimensionsToo() {
        // 2 runs × 24 replicas at β = 1 in blocks of 5: Müller–Brown, A and B balls, ξ = distance.
        List<AmsRunResult> core = AmsCore.run(AmsSpecs.mullerBrown(new double[] {1}, 4, 24, 1, 2, 1, 5));
        for (int shards : new int[] {2, 3}) {
            AmsPopulation.Outcome o = AmsPopulation.run(AmsSpecs.mullerBrown(new double[] {1}, 4, 24, 1, 2, shards, 5),
                    m -> { }, () -> false);
            assertTrue(o.completed(), o.engine().message());
            assertEquals(core, o.runs(), "shards = " + shards);
        }
        for (AmsRunResult r : core) {
            assertTrue(r.p() > 0 && r.p() < 0.1 && r.iterations() > 10, r.toString());
        }
    }
}
