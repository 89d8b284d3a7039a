package org.ensemble.failures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ensemble.network.Activation;
import org.ensemble.network.ParityGradientVariance;
import org.junit.jupiter.api.Test;

/** Must show: parity at d = 30 with a budget below 2^d/100 — full parity fails, 3-sparse succeeds; variance vs G²/2^d. */
class ParityAtScaleTest {
    /** 2000 steps of 32 fresh samples: 64,000 = 2^30/16,777, far below 2^30/100. */
    static final NetworkSettings SETTINGS = new NetworkSettings(64, "tanh", 0.5, 32, 2000, 2000, 1, 1, 1, 2);

    @Test
    void fullParityStaysAtTheTrivialRiskWhileTheSparseOneIsLearntWithTheSameBudget() {
        int d = 30;
        assertTrue(SETTINGS.budget() < Math.pow(2, d) / 100);
        NetworkRun full = NetworkRun.execute(SETTINGS.scenario("full", 1, ParityScaleStudy.data(d, d)), "full",
                () -> false);
        NetworkRun sparse = NetworkRun.execute(SETTINGS.scenario("sparse", 1, ParityScaleStudy.data(d, 3)), "sparse",
                () -> false);
        // Learning nothing gives (1/2)E(f − y)² = 1/2 − E[fy] + E[f²]/2 with E[fy] = 0: at least 1/2 up to the
        // held-out noise of E[fy] (sd ≈ ‖f‖/√2000 ≤ 0.02 for the small outputs of a network that learnt nothing).
        assertEquals(ParityScaleStudy.TRIVIAL_RISK, full.finalTestRisk(), 0.05, "full parity");
        assertTrue(sparse.finalTestRisk() < 0.1, "3-sparse parity risk " + sparse.finalTestRisk());
    }

    @Test
    void gradientVarianceOverTargetsTracksTheBound() {
        Activation tanh = Activation.of(Activation.Kind.TANH);
        // Exact (all 2^d inputs and targets): Var = G²/2^d − ‖E∇p‖²/4^d, so Var/bound ∈ [1 − 2^{−d}, 1].
        for (int d : new int[] {6, 10}) {
            ParityGradientVariance.Result e = ParityGradientVariance.exact(d, 32, tanh, 20170417);
            assertTrue(e.ratio() <= 1 + 1e-12 && e.ratio() >= 1 - Math.pow(2, -d) - 1e-12, "d = " + d + ": " + e.ratio());
            ParityGradientVariance.Result s = ParityGradientVariance.sampled(d, 32, tanh, 20170417, 400, 64, 20170418);
            assertTrue(Math.abs(s.variance() - e.variance()) < 3.5 * s.varianceStandardError(), "d = " + d
                    + ": sampled " + s.variance() + " ± " + s.varianceStandardError() + " against " + e.variance());
        }
        // Large d: the bound is below 1e-9·G², the two-batch estimate is consistent with it (|est − bound| < 3.5 SE),
        // while one batch's gradients scatter over targets by the batch noise alone (≫ the bound).
        for (int d : new int[] {30, 50}) {
            ParityGradientVariance.Result s = ParityGradientVariance.sampled(d, 32, tanh, 20170417, 400, 64, 20170418);
            assertTrue(Math.abs(s.variance() - s.bound()) < 3.5 * s.varianceStandardError(), "d = " + d + ": "
                    + s.variance() + " ± " + s.varianceStandardError() + " against G²/2^d = " + s.bound());
            assertTrue(s.noisyVariance() > 1e6 * s.bound());
        }
    }
}
