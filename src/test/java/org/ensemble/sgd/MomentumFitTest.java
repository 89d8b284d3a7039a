package org.ensemble.sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The effective-momentum fit recovers the server's own momentum and step, where the identity is exact. */
class MomentumFitTest {
    private static double[] fit(double momentum, double[] noise, Policy policy, int workers) {
        double[] total = new double[MomentumFit.SUMS];
        SgdSettings s = new SgdSettings(policy, workers, 0, 1, DelayModel.fixed(), Algorithm.SGD, 0.1, momentum, 0,
                4000, 100, new double[]{1, -2});
        SgdSimulation.run(s, new QuadraticModel(new double[]{1, 3}, noise, 4), r -> {
            for (int k = 0; k < total.length; k++) {
                total[k] += r.momentumFit()[k];
            }
        });
        return MomentumFit.solve(total);
    }

    @Test
    void serverMomentumIsRecoveredExactlyWithoutNoise() {
        // x_{t+1} − x_t = μ(x_t − x_{t−1}) − η∇f(x_t) holds to rounding; two curvatures make the fit determined.
        for (double mu : new double[]{0, 0.6, 0.9}) {
            double[] f = fit(mu, new double[]{0, 0}, Policy.BSP, 1);
            assertEquals(0.1, f[0], 1e-9, "α");
            assertEquals(mu, f[1], 1e-9, "μ");
        }
    }

    @Test
    void gradientNoiseLeavesTheFitUnbiasedAndDelaysShowUp() {
        // Noise ξ_t is independent of x_t and of the last step, so the fit is unbiased. Over noise seeds
        // 4–7, 4000 versions gave μ within 0.013 of 0.6 (SD ≈ 0.007) and α within 0.003 of 0.1: 0.02 is ~3 SD.
        double[] f = fit(0.6, new double[]{0.5, 0.5}, Policy.BSP, 1);
        assertEquals(0.6, f[1], 0.02, "μ");
        assertEquals(0.1, f[0], 0.02, "α");
        // A fixed delay of 3 versions (ASP, M = 4) looks like momentum: seeds 4–7 gave μ 0.27–0.35 and
        // α 0.059–0.063, with no server momentum at all.
        double[] delayed = fit(0, new double[]{0.5, 0.5}, Policy.ASP, 4);
        assertTrue(delayed[1] > 0.2 && delayed[0] < 0.08, "α = " + delayed[0] + ", μ = " + delayed[1]);
    }
}
