package org.ensemble.graphdynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ensemble.graph.Graph;
import org.ensemble.observe.TimeAverage;
import org.ensemble.step.Granularity;
import org.ensemble.step.Observer;
import org.ensemble.step.ShardRange;
import org.junit.jupiter.api.Test;

/**
 * The particles against the mean-field references, on the complete graph (K/N coupling), in process
 * (the engine gives the same bytes: NodeDeterminismTest). Sizes are cut for CI; the scenarios run
 * N = 1e4.
 */
class KuramotoTransitionTest {
    private static TimeAverage average(int n, double k, double d, double dt, double tEnd, double relax, double gamma,
                                       long seed) {
        NodeDynamics dyn = new NodeDynamics(NodeRule.KURAMOTO, k, Normalisation.NODES, d, dt, 0, gamma, 0.5, gamma > 0,
                seed);
        List<ShardRange> ranges = NodePopulation.ranges(n, 4096, 1, Granularity.BLOCK);
        NodeRecipe recipe = NodeRecipe.of(null, n, dyn, 4096, ranges);
        OrderParameterSeries s = new OrderParameterSeries();
        NodePopulation.runInProcess(recipe, ranges, new NodeReducer(recipe, Math.round(tEnd / dt), 5, s), () -> false);
        return s.averageFrom(relax);
    }

    /**
     * Identical oscillators, D = 1, N = 1000, t ∈ [10, 40]. Euler–Maruyama's stationary law is off by
     * O(dt) (at dt = 0.01 r is low by ≈ 0.003 at K = 6, far beyond the SE), so each K is run at dt and
     * dt/2 and extrapolated, r = 2 r(dt/2) − r(dt), SE² = 4 SE₂² + SE₁² (independent seeds); the rest,
     * O(dt²) ≈ 1e-4, is inside the SE. The reference is the exact finite-N stationary mean (Gibbs law
     * of the N-oscillator gradient flow), within 3 SE; it differs from the N = ∞ self-consistent root by
     * at most 4e-4 here, which is added to the tolerance of the comparison with the root.
     */
    @Test
    void orderParameterMatchesSelfConsistencyAboveTwoD() {
        int n = 1000;
        for (double k : new double[] {2.5, 3, 4, 6}) {
            TimeAverage coarse = average(n, k, 1, 0.01, 40, 10, 0, 11);
            TimeAverage fine = average(n, k, 1, 0.005, 40, 10, 0, 12);
            double r = 2 * fine.mean() - coarse.mean();
            double se = Math.sqrt(4 * fine.standardError() * fine.standardError()
                    + coarse.standardError() * coarse.standardError());
            double finite = KuramotoMeanField.finiteNMeanR(k, 1, n);
            double root = KuramotoMeanField.selfConsistentR(k, 1);
            assertEquals(finite, r, 3 * se, "K/D = " + k + ": r = " + r + " ± " + se);
            assertEquals(root, r, 3 * se + Math.abs(finite - root), "K/D = " + k);
        }
    }

    /**
     * Below K_c = 2D the incoherent state: r is Rayleigh with E r = sqrt(π/(4N(1 − K/2D))), so
     * r·sqrt(N) is the same for N = 500 and 4000 (within 3 SE; EM bias of a linearly stable state at
     * dt = 0.02 is O(dt·K) relative ≈ 2%, added).
     */
    @Test
    void orderParameterIsOfOrderOneOverSqrtNBelowTwoD() {
        for (int n : new int[] {500, 4000}) {
            TimeAverage a = average(n, 1, 1, 0.02, 60, 5, 0, 3);
            double expected = KuramotoMeanField.incoherentMeanR(1, 1, n);
            assertEquals(expected, a.mean(), 3 * a.standardError() + 0.02 * expected, "N = " + n);
        }
    }

    /**
     * Lorentzian frequencies (γ = 0.5), no noise: r against Ott–Antonsen sqrt(1 − 2γ/K). The quenched
     * frequencies make r vary from sample to sample by O(N^-1/2), which a time average does not see,
     * so the SE is the spread of the time averages over 4 seeds (N = 2000, t ∈ [10, 30]).
     */
    @Test
    void lorentzianOrderParameterMatchesOttAntonsen() {
        int n = 2000;
        double gamma = 0.5;
        for (double k : new double[] {2, 4}) {
            double[] means = new double[4];
            for (int s = 0; s < means.length; s++) {
                means[s] = average(n, k, 0, 0.02, 30, 10, gamma, 100 + s).mean();
            }
            double mean = java.util.Arrays.stream(means).average().orElseThrow();
            double var = java.util.Arrays.stream(means).map(v -> (v - mean) * (v - mean)).sum() / (means.length - 1);
            double se = Math.sqrt(var / means.length);
            double oa = KuramotoMeanField.ottAntonsenR(k, gamma);
            assertEquals(oa, mean, 3 * se + 0.005, "K = " + k + ": " + java.util.Arrays.toString(means));
        }
    }

    /**
     * W1 on the circle between the phases at t = 2 and the Fokker–Planck solution shrinks with N (after
     * aligning the mean phase, whose O(N^-1/2) diffusion along the neutral rotation is a single random
     * walk per run: measured 0.028, 0.009, 0.0029 for N = 1e3, 1e4, 1e5).
     */
    @Test
    void phaseLawApproachesTheFokkerPlanckSolutionAsNGrows() {
        double[] w1 = new double[3];
        int[] sizes = {100, 1000, 10_000};
        for (int i = 0; i < sizes.length; i++) {
            int n = sizes[i];
            NodeDynamics dyn = new NodeDynamics(NodeRule.KURAMOTO, 3, Normalisation.NODES, 1, 0.005, 0, 0, 0.8, false, 9);
            List<ShardRange> ranges = NodePopulation.ranges(n, 4096, 1, Granularity.BLOCK);
            NodeRecipe recipe = NodeRecipe.of(null, n, dyn, 4096, ranges);
            CircleFokkerPlanck pde = new CircleFokkerPlanck(256, 3, 1, 0);
            pde.startWrappedNormal(0, 0.8);
            PhaseSnapshots snaps = new PhaseSnapshots(new long[] {400}, 64, pde);
            NodePopulation.runInProcess(recipe, ranges, new NodeReducer(recipe, 400, 400, snaps), () -> false);
            w1[i] = snaps.snapshots().get(0).w1Aligned();
        }
        // W1 ≈ c/sqrt(N) (a factor ≈ 3.2 per step here), floored by the O(dt) scheme and grid differences
        assertTrue(w1[1] < w1[0] / 2 && w1[2] < w1[1] / 2, java.util.Arrays.toString(w1));
    }

    @Test
    void consensusErrorDecaysAtTheRingLaplaciansRate() {
        int n = 40;
        double k = 2;
        double dt = 0.1;
        NodeDynamics dyn = new NodeDynamics(NodeRule.CONSENSUS, k, Normalisation.DEGREE, 0, dt, 0, 0, 0, true, 4);
        Graph ring = Graph.ring(n);
        List<ShardRange> ranges = NodePopulation.ranges(n, 8, 3, Granularity.BLOCK);
        NodeRecipe recipe = NodeRecipe.of(ring, n, dyn, 8, ranges);
        OrderParameterSeries s = new OrderParameterSeries();
        NodePopulation.runInProcess(recipe, ranges, new NodeReducer(recipe, 3000, 1, s), () -> false);
        double[] mean = s.column(4);
        double[] error = s.column(5);
        // a symmetric graph with equal degrees keeps the mean; x ← (I − dt·(K/2)·L) x shrinks the slowest
        // mode by 1 − dt·(K/2)·(2 − 2cos(2π/n)) per step, the consensus error by its square (the next mode is
        // e^-15 behind after 2000 steps; later the variance Σx²/N − x̄² loses digits to cancellation)
        assertEquals(mean[0], mean[2000], 1e-12);
        double factor = 1 - dt * k / 2 * (2 - 2 * Math.cos(2 * Math.PI / n));
        assertEquals(factor * factor, error[2000] / error[1999], 1e-8);
    }
}
