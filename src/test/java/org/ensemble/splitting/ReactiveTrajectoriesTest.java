package org.ensemble.splitting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trajectories that reached B, replayed from their branch histories: each starts at the start,
 * stays outside A and B, and lands in B exactly at its last step — which a replay with any other
 * noise, start or branch point would not — and they are the same for any shard count.
 */
class ReactiveTrajectoriesTest {
    @Test
    void replayedTrajectoriesRunFromTheStartIntoBAndDoNotDependOnShards() {
        AmsSpec spec = AmsSpecs.mullerBrown(new double[] {1, 1.5}, 8, 20, 1, 2, 1, 8);
        List<ReactiveTrajectory> core = AmsCore.reactive(spec, 3);
        assertEquals(6, core.size(), "three per β");
        Balls balls = spec.balls();
        for (ReactiveTrajectory t : core) {
            int d = t.dimension();
            assertEquals(0, t.firstStep());
            assertArrayEquals(spec.start(), java.util.Arrays.copyOf(t.states(), d));
            int last = t.length() - 1;
            assertTrue(last > 10, "a few steps at least: " + last);
            for (int i = 0; i < last; i++) {
                double[] x = java.util.Arrays.copyOfRange(t.states(), i * d, (i + 1) * d);
                assertFalse(balls.inA(x) || balls.inB(x), "step " + i + " of " + t);
            }
            assertTrue(balls.inB(java.util.Arrays.copyOfRange(t.states(), last * d, (last + 1) * d)), t.toString());
        }
        AmsPopulation.Outcome o = AmsPopulation.run(AmsSpecs.mullerBrown(new double[] {1, 1.5}, 8, 20, 1, 2, 3, 8),
                m -> { }, () -> false, 3);
        assertEquals(core.size(), o.reactive().size());
        for (int i = 0; i < core.size(); i++) {
            assertEquals(core.get(i).replica(), o.reactive().get(i).replica());
            assertArrayEquals(core.get(i).states(), o.reactive().get(i).states());
        }
    }
}
