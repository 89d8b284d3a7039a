package org.ensemble.failures.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ensemble.implicitbias.CoordinateRunner;
import org.junit.jupiter.api.Test;

/**
 * Must show (issue 17), piecewise-linear curves (a shortened size list, the shipped seed): reading
 * the samples, GD needs iterations that grow with the exact condition number (κ ∝ n⁴); reading
 * the second differences (κ = 1) it needs the same few for every n.
 */
class PiecewiseLinearStudyTest {
    static final PiecewiseLinearStudy.Params PARAMS = new PiecewiseLinearStudy.Params(new int[] {4, 6, 8}, 3, 1e-4,
            0.5, 4);

    @Test
    void iterationsFollowTheConditionNumberAndTheReparameterisationRemovesIt() {
        List<PiecewiseLinearStudy.Row> rows = PiecewiseLinearStudy.rows(PARAMS, 1, CoordinateRunner.inProcess(2),
                line -> System.out.println(line));
        rows.forEach(System.out::println);
        PiecewiseLinearStudy.Row previous = null;
        for (PiecewiseLinearStudy.Row r : rows) {
            assertTrue(r.measured() >= 0 && r.measured() <= r.bound(), r + ": not within the bound");
            // Measured against exact arithmetic: rounding may move the first crossing by a step or two.
            assertTrue(Math.abs(r.measured() - r.exact()) <= 2, r + ": measured vs exact");
            if (r.design().equals("samples")) {
                if (previous != null) {
                    // κ grows like n⁴ (≈ ×4.5 from 4 to 6, ×2.9 from 6 to 8); iterations at least double.
                    assertTrue(r.kappa() > 2.5 * previous.kappa() && r.measured() > 2 * previous.measured(),
                            previous + " → " + r);
                }
                previous = r;
                assertTrue(r.measured() > 100 * 17, r + ": expected far more than the reparameterised 17 steps");
            } else {
                // D·W = I exactly: κ = 1, the error halves every step (η = 0.5/λ), so ⌈log2(1e4)⌉ = 14 steps.
                assertEquals(1.0, r.kappa(), 1e-12);
                assertEquals(14, r.measured(), r.toString());
            }
        }
    }
}
