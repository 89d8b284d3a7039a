package org.ensemble.failures.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Must show (issue 17), Hadamard d = 128: GD exactly on 1 − k/d; EGU and spindly far below; the two-layer net not. */
class HadamardStudyTest {
    static final HadamardStudy.Params PARAMS = new HadamardStudy.Params(new int[] {128}, 16,
            new double[] {0.1, 0.2, 0.5}, new double[] {0.2, 0.5, 1.0}, new double[] {0.05, 0.1, 0.2},
            new double[] {0.025, 0.05, 0.1}, 16, 0.3, 4, 16);

    @Test
    void gdIsExactlyOnTheLineAndTheNonRotationInvariantRulesBeatIt() {
        int d = 128;
        List<HadamardStudy.Curve> curves = HadamardStudy.curves(PARAMS, d, 1);
        for (HadamardStudy.Curve c : curves) {
            System.out.printf("%-15s η=%-6s %s se %s%n", c.method(), c.eta(), java.util.Arrays.toString(
                    java.util.Arrays.stream(c.mean()).map(v -> Math.round(v * 1000) / 1000.0).toArray()),
                    java.util.Arrays.toString(java.util.Arrays.stream(c.se()).map(v -> Math.round(v * 1000) / 1000.0).toArray()));
        }
        // GD from 0 with η = 1/d: every sample's loss is exactly 1 − k/d (orthogonal rows; all
        // arithmetic is on multiples of 1/d, so even rounding error is absent); 1e-12 is the bound.
        HadamardStudy.Curve gd = curves.get(0);
        assertEquals("gd", gd.method());
        assertTrue(gd.maxAbsDeviation() <= 1e-12, "GD deviates from 1 − k/d by " + gd.maxAbsDeviation());
        for (String m : List.of("egu", "spindly")) {
            HadamardStudy.Curve best = HadamardStudy.best(curves, m, d);
            // Below 0.5 by k = 32 with room for sampling error: mean + 3 SE < 0.5 (the line is at 0.75 there).
            assertTrue(best.meanAt(32) + 3 * best.seAt(32) < 0.5, m + " at k = 32: " + best.meanAt(32) + " ± "
                    + best.seAt(32));
        }
        HadamardStudy.Curve two = HadamardStudy.best(curves, "two-layer", d);
        assertTrue(HadamardStudy.minZ(two, d) >= -3, "two-layer net below 1 − k/d by more than 3 SE: z = "
                + HadamardStudy.minZ(two, d));
    }
}
