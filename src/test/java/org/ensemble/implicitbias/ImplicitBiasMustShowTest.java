package org.ensemble.implicitbias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The "Must show" items, each at the shipped scenario's parameters (seed 1) — shortened only
 * where the shortened run still asserts the stated bound (fewer α or scale values). Coordinate models
 * run in process: same bytes as on the engine (CoordinateModelTest).
 */
class ImplicitBiasMustShowTest {
    private static final CoordinateRunner RUN = CoordinateRunner.inProcess(2);

    private static double num(Map<String, Object> s, String k) {
        return ((Number) s.get(k)).doubleValue();
    }

    @Test
    void leastSquaresGdLimitIsThePseudoInverseSolutionTo1e10() {
        StudyResult r = LeastSquaresStudy.run(new LeastSquaresStudy.Params(20, 50, 2000, 1.0, 16), 1, RUN);
        assertEquals("completed", r.summary().get("status"));
        // Linear convergence at 1 − ηλ_min ≈ 0.957 per step: after 2000 steps only rounding (~1e-14) is left.
        assertTrue(num(r.summary(), "final_distance_to_min_norm") <= 1e-10, r.summary().toString());
        // …and the distance is below its exact envelope at every report (up to rounding).
        StudyResult.Table t = r.tables().get(0);
        for (int i = 0; i < t.rows().size(); i++) {
            assertTrue(t.value(i, "distance_to_min_norm") <= t.value(i, "envelope") * (1 + 1e-9) + 1e-13);
        }
    }

    @Test
    void maxMarginAngleFallsLikeOneOverLogT() {
        StudyResult r = MaxMarginStudy.run(new MaxMarginStudy.Params(30, 5, 0.3, 100_000, 1.0, 16), 1, RUN);
        Map<String, Object> s = r.summary();
        assertEquals(Boolean.TRUE, s.get("angle_decreasing"), s.toString());
        assertTrue(num(s, "angle_log_t_ratio_last_two_decades") < 2, s.toString());
        // Loss ~ 1/t up to the log corrections of w_t = ŵ log t + ρ_t: measured −0.966.
        double slope = num(s, "loss_slope_last_two_decades");
        assertTrue(slope > -1.1 && slope < -0.9, "loss slope " + slope);
        // And its level: L·t·η/‖ŵ‖² → 1 (0.93 at t = 1e5, the ρ_t correction still shrinking).
        double level = num(s, "final_loss_times_t_over_exact");
        assertTrue(level > 0.8 && level < 1.2, "L t η / ‖ŵ‖² = " + level);
    }

    @Test
    void diagonalNetworksGoFromBasisPursuitToMinL2ThroughArgminQAlpha() {
        // The smallest, an intermediate and the largest α of the shipped sweep.
        StudyResult r = DiagonalNetworkStudy.run(new DiagonalNetworkStudy.Params(30, 40, 3,
                new double[] {1e-6, 1e-1, 10}, 400_000, 0.15, 1e-24, 1e-6, 10, 16), 1, RUN);
        Map<String, Object> s = r.summary();
        assertEquals("completed", s.get("status"));
        assertTrue(num(s, "smallest_alpha_distance_to_basis_pursuit") < 1e-3, s.toString()); // 2.7e-5
        assertTrue(num(s, "largest_alpha_distance_to_min_l2") < 1e-3, s.toString()); // 1.6e-6
        assertTrue(num(s, "max_distance_to_argmin_q_alpha") < 1e-3, s.toString()); // 3.4e-4 (α = 0.1)
        // The intermediate α is genuinely in between: far from both ends, so the Q_α check is not vacuous.
        StudyResult.Table t = r.tables().get(0);
        assertTrue(t.value(1, "distance_to_basis_pursuit") > 0.05 && t.value(1, "distance_to_min_l2") > 0.1);
    }

    @Test
    void matrixSensingErrorShrinksWithTheInitScale() {
        StudyResult r = MatrixSensingStudy.run(new MatrixSensingStudy.Params(10, 1, 40,
                new double[] {1, 1e-2, 1e-4, 1e-6}, 20_000, 0.1, 1e-28), 1);
        Map<String, Object> s = r.summary();
        assertEquals(Boolean.TRUE, s.get("planted_certified_min_nuclear_norm"), s.toString());
        assertEquals(Boolean.TRUE, s.get("error_shrinks_with_scale"), s.toString());
        // From ≈ 3e-2 at α = 1 to ≈ 1.5e-8 at α = 1e-6: toward 0, by orders of magnitude.
        assertTrue(num(s, "largest_scale_relative_error") > 1e-2, s.toString());
        assertTrue(num(s, "smallest_scale_relative_error") < 1e-6, s.toString());
    }

    @Test
    void lqrExactPolicyGradientReachesTheRiccatiCostLinearly() {
        StudyResult r = LqrPolicyGradientStudy.run(new LqrPolicyGradientStudy.Params(3, 1,
                new double[] {0.9, 0.2, 0, 0, 0.9, 0.2, 0, 0, 0.9}, new double[] {0, 0, 1}, 1, 1, 3000, 1e-3, 0, 1,
                1e-3), 1);
        Map<String, Object> s = r.summary();
        assertTrue(num(s, "final_cost_gap") <= 1e-8, s.toString());
        double rate = num(s, "fitted_linear_rate");
        assertTrue(rate > 0 && rate < 1, "rate " + rate);
        // The fitted rate predicts the measured gaps: gap(1500)/gap(1000) ≈ ρ^500 within 20 %.
        StudyResult.Table t = r.tables().get(0);
        double ratio = t.value(1500, "cost_gap") / t.value(1000, "cost_gap");
        assertEquals(Math.pow(rate, 500), ratio, 0.2 * ratio);
    }
}
