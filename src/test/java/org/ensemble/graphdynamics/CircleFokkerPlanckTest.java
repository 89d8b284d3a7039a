package org.ensemble.graphdynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CircleFokkerPlanckTest {
    @Test
    void conservesMassAndRelaxesToTheSelfConsistentVonMisesLaw() {
        double k = 3;
        double d = 1;
        CircleFokkerPlanck pde = new CircleFokkerPlanck(128, k, d, 0);
        pde.startWrappedNormal(1.0, 0.6);
        assertEquals(1, pde.mass(), 1e-13);
        pde.advanceTo(5);
        // fluxes telescope: only round-off moves the mass (≈ 1e-16 per cell and sub-step, 2e4 sub-steps)
        assertEquals(1, pde.mass(), 1e-12);
        pde.advanceTo(30);
        assertEquals(1, pde.mass(), 1e-12);
        double[] m = pde.moments();
        double r = Math.hypot(m[0], m[1]);
        double psi = Math.atan2(m[1], m[0]);
        // the discrete equilibrium is exactly ∝ exp((Kr/D) cos(θ_i − ψ)); after t = 30 (relaxation rate ≈ 1)
        // only an e^{-30}-small transient is left
        double[] law = pde.vonMisesLaw(r, psi);
        double[] rho = pde.density();
        for (int i = 0; i < rho.length; i++) {
            assertEquals(law[i], rho[i], 1e-9 * law[i], "cell " + i);
        }
        // midpoint moments of a smooth periodic law are spectrally accurate: r is the continuous root
        assertEquals(KuramotoMeanField.selfConsistentR(k, d), r, 1e-9);
        // below K_c the uniform law is stable: r decays to 0
        CircleFokkerPlanck sub = new CircleFokkerPlanck(64, 1.5, d, 0.3);
        sub.startWrappedNormal(0, 0.5);
        sub.advanceTo(40);
        assertTrue(sub.orderParameter() < 1e-4, "r = " + sub.orderParameter());
        assertEquals(1, sub.mass(), 1e-12);
    }

    @Test
    void circleW1IsExactForSimpleCases() {
        int cells = 64;
        double[] uniform = new double[cells];
        java.util.Arrays.fill(uniform, 1 / (2 * Math.PI));
        // a point mass against the uniform law on the circle: W1 = ∫|θ/2π − c|... = π/2 (mean distance to a point)
        assertEquals(Math.PI / 2, CircleWasserstein.distance(new double[] {1.0}, uniform), 1e-9);
        // equally spaced points at bin centres: W1 = M · (h²/4)/(2π)·... = h/4 for one point per cell
        double[] grid = new double[cells];
        double h = 2 * Math.PI / cells;
        for (int i = 0; i < cells; i++) {
            grid[i] = (i + 0.5) * h;
        }
        assertEquals(h / 4, CircleWasserstein.distance(grid, uniform), 1e-12);
    }
}
