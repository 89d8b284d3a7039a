package org.ensemble.graphdynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ensemble.implicitbias.StudyResult;
import org.ensemble.meanfield.DesaiZwanzig;
import org.ensemble.scenario.GraphDynamicsScenario;
import org.ensemble.scenario.GraphDynamicsScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Langevin in the double well coupled along the edges of the complete graph with K/N is the
 * Desai–Zwanzig model with θ = K: the time-averaged |m| of a symmetric-broken run against m*(β).
 */
class LangevinEdgesTest {
    /**
     * N = 1500, β = 2 (D = 0.5), K = 1.5 and 3 (K_c = 0.737; nearer K_c the mean relaxes and
     * decorrelates slowly): |m| averaged over t ∈ [10, 30] (from the start at m = 1, relax = 5 still left
     * |m| high by ≈ 4e-3 at K = 1.5), at dt = 0.01 and 0.005, extrapolated (the
     * Euler–Maruyama bias is ≈ 3e-3 at dt = 0.01, beyond the SE). Six independent samples, SE from their
     * spread: one run's autocorrelation-time SE proved too small here (over seeds 2–8 at N = 4000 the
     * z-scores it gave spread with sd ≈ 1.9, mean −0.3). Against the exact finite-N mean within 3 SE
     * (+ 1e-3 for the O(dt²) rest of the extrapolation: dt → dt/2 moves |m| by ≤ 3e-3), and against m*
     * within that plus |E_N − m*| (O(1/N)).
     */
    @Test
    void magnetisationMatchesDesaiZwanzig() {
        GraphDynamicsScenario s = GraphDynamicsScenarioLoader.loadString("seed = 2\nshards = 1\ngraph-dynamics {\n"
                + "  graph { kind = complete, nodes = 1500 }\n  rule = langevin\n  potential { type = double-well }\n"
                + "  coupling = [1.5, 3]\n  normalisation = nodes\n  noise = 0.5\n  dt = 0.01\n  time = 30\n  relax = 10\n"
                + "  initial = normal\n  initial-centre = 1\n  spread = 0.3\n  samples = 6\n  execution = in-process\n}\n", "dz.conf",
                List.of());
        StudyResult r = GraphDynamicsStudy.run(s.params(), s.seed(), 1, () -> false, line -> { });
        assertEquals("|m|", r.summary().get("observable"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) r.summary().get("points");
        assertEquals(2, points.size());
        for (Map<String, Object> p : points) {
            double k = (double) p.get("K");
            double m = (double) p.get("r");
            double se = (double) p.get("se");
            double mStar = new DesaiZwanzig(k).magnetization(2);
            double finite = DesaiZwanzigFiniteN.meanMagnetization(k, 2, 1500);
            assertEquals(mStar, (double) p.get("reference"), 1e-12);
            assertEquals(finite, (double) p.get("finite_n_reference"), 1e-12);
            assertTrue(se > 0 && se < 0.01, "SE " + se);
            assertEquals(finite, m, 3 * se + 1e-3, "K = " + k + ": |m| against the finite-N mean");
            assertEquals(mStar, m, 3 * se + 1e-3 + Math.abs(finite - mStar), "K = " + k + ": |m| against m*");
        }
    }

    /** The finite-N reference: m* − E_N[m] is O(1/N) (×4 from N = 4000 to 1000 within 10 %), and tends to m*. */
    @Test
    void theFiniteNMeanApproachesTheRootAsOneOverN() {
        double mStar = new DesaiZwanzig(1).magnetization(2);
        double d1 = mStar - DesaiZwanzigFiniteN.meanMagnetization(1, 2, 1000);
        double d4 = mStar - DesaiZwanzigFiniteN.meanMagnetization(1, 2, 4000);
        assertTrue(d1 > 0 && d4 > 0, d1 + " " + d4);
        assertEquals(4, d1 / d4, 0.4);
        assertTrue(Double.isNaN(DesaiZwanzigFiniteN.meanMagnetization(0.5, 2, 1000)), "below β_c there is no broken state");
    }
}
