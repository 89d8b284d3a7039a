package org.ensemble.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.potential.HarmonicPotential;
import org.junit.jupiter.api.Test;
import org.ensemble.dynamics.PairInteraction;

class FokkerPlanck1DTest {
    @Test
    void conservesMassAndStaysNonnegativeEvenWithHugeSteps() {
        FokkerPlanck1D pde = new FokkerPlanck1D(new DoubleWellPotential(0), 3, 1.0, -3, 3, 300);
        pde.startGaussian(0.7, 0.05);
        double mass0 = pde.mass();
        for (int k = 0; k < 2000; k++) {
            pde.step(k % 2 == 0 ? 1e-4 : 5.0);
            assertTrue(pde.minimum() >= 0, "negative density at step " + k + ": " + pde.minimum());
        }
        assertEquals(1.0, mass0, 1e-12);
        assertEquals(mass0, pde.mass(), 1e-12);
    }

    @Test
    void stationaryDensityIsTheGibbsDensityAndConvergesOnRefinement() {
        double beta = 2;
        DoubleWellPotential v = new DoubleWellPotential(0.3);
        // Scharfetter–Gummel's discrete equilibrium is exactly ∝ e^{−βV(x_i)} at the centres, and the
        // midpoint sum that normalises it is spectrally accurate for this smooth, fast-decaying
        // density: the error is at round-off level on every grid, not merely O(h²).
        for (int cells : new int[] {100, 200, 400, 800}) {
            double e = gibbsError(v, beta, cells);
            assertTrue(e < 1e-9, cells + " cells: max relative error " + e);
        }
    }

    /** Max relative error between the long-time PDE density and e^{−βV}/Z at the cell centres. */
    static double gibbsError(DoubleWellPotential v, double beta, int cells) {
        FokkerPlanck1D pde = new FokkerPlanck1D(v, beta, 0, -3, 3, cells);
        pde.startGaussian(-1, 0.3);
        pde.advanceTo(400, 0.5);
        double z = new org.apache.commons.math3.analysis.integration.SimpsonIntegrator(1e-14, 1e-14, 3, 30)
                .integrate(10_000_000, x -> Math.exp(-beta * v.energy(new double[] {x})), -3, 3);
        double[] rho = pde.density();
        double err = 0;
        for (int i = 0; i < cells; i++) {
            double g = Math.exp(-beta * v.energy(new double[] {pde.centre(i)})) / z;
            if (g > 1e-3) {
                err = Math.max(err, Math.abs(rho[i] - g) / g);
            }
        }
        return err;
    }

    @Test
    void ornsteinUhlenbeckMeanAndVariance() {
        // V = k(x − c)²/2 from N(x0, s0²): mean c + (x0 − c)e^{−kt}, var s0²e^{−2kt} + (1 − e^{−2kt})/(βk).
        double k = 2;
        double c = 0.5;
        double beta = 4;
        FokkerPlanck1D pde = new FokkerPlanck1D(new HarmonicPotential(new double[] {k}, new double[] {c}), beta, 0,
                -3, 4, 1400);
        pde.startGaussian(2, 0.3);
        pde.advanceTo(0.5, 1e-4);
        double e = Math.exp(-k * 0.5);
        // Backward Euler (dt = 1e-4) and h = 5e-3 errors are ~1e-5 here.
        assertEquals(c + 1.5 * e, pde.mean(), 1e-4);
        assertEquals(0.09 * e * e + (1 - e * e) / (beta * k), pde.variance(), 1e-4);
    }

    @Test
    void mcKeanVlasovSettlesAtTheDesaiZwanzigMagnetisation() {
        DesaiZwanzig dz = new DesaiZwanzig(1.0);
        double beta = 1.5 * dz.criticalBeta();
        FokkerPlanck1D pde = new FokkerPlanck1D(new DoubleWellPotential(0), beta, 1.0, -3.5, 3.5, 1400);
        pde.startGaussian(0.5, 0.3);
        pde.advanceTo(300, 0.05);
        // Grid error O(h²) with h = 5e-3.
        assertEquals(dz.magnetization(beta), pde.mean(), 1e-4);
        double f1 = pde.freeEnergy();
        pde.advanceTo(310, 0.05);
        assertEquals(f1, pde.freeEnergy(), 1e-9, "stationary: the free energy stops changing");
    }

    @Test
    void freeEnergyDecreases() {
        FokkerPlanck1D pde = new FokkerPlanck1D(new DoubleWellPotential(0), 3, 1.0, -3, 3, 400);
        pde.startGaussian(1.5, 0.2);
        double f = pde.freeEnergy();
        for (int k = 0; k < 200; k++) {
            pde.step(0.01);
            double g = pde.freeEnergy();
            assertTrue(g <= f + 1e-12, "free energy rose at step " + k + ": " + f + " → " + g);
            f = g;
        }
    }

    @Test
    void wassersteinOfAShiftIsTheShift() {
        FokkerPlanck1D pde = new FokkerPlanck1D(new DoubleWellPotential(0), 2, 0, -3, 3, 600);
        pde.startGaussian(0, 0.5);
        int n = 20_000;
        double[] edges = pde.edges();
        double[] rho = pde.density();
        // Sample = the density's own quantiles at (k + ½)/n, shifted by 0.1.
        double[] sample = new double[n];
        double cum = 0;
        int j = 0;
        for (int k = 0; k < n; k++) {
            double u = (k + 0.5) / n;
            while (cum + rho[j] * pde.cellWidth() < u) {
                cum += rho[j] * pde.cellWidth();
                j++;
            }
            sample[k] = edges[j] + (u - cum) / rho[j] + 0.1;
        }
        double[] w = Wasserstein1D.distances(sample, edges, rho);
        // Discretising the quantile function at n points costs O(1/n) · spread.
        assertEquals(0.1, w[0], 1e-4);
        assertEquals(0.1, w[1], 1e-4);
        double[] unshifted = sample.clone();
        for (int k = 0; k < n; k++) {
            unshifted[k] -= 0.1;
        }
        double[] w0 = Wasserstein1D.distances(unshifted, edges, rho);
        // Even the exact quantiles are n atoms: W1 ~ spread/n, and W2 is dominated by the two extreme
        // atoms standing for the tails out to the grid's ends (≈ 1.1/√(3n) ≈ 4.5e-3 here).
        assertTrue(w0[0] < 1e-4, "W1 " + w0[0]);
        assertTrue(w0[1] < 5e-3, "W2 " + w0[1]);
        // Shift and atomisation add in quadrature.
        assertEquals(Math.sqrt(0.01 + w0[1] * w0[1]), w[1], 1e-5);
    }

    @Test
    void pairKernelStationaryStateIsSelfConsistentGibbs() {
        PairInteraction w = new PairInteraction(1.5, 0.5,
                PairInteraction.Method.GRID, -3, 3, 101);
        double beta = 2;
        DoubleWellPotential v = new DoubleWellPotential(0.1);
        FokkerPlanck1D pde = new FokkerPlanck1D(v, beta, 0, w, -3, 3, 300);
        pde.startGaussian(0.3, 0.5);
        pde.advanceTo(200, 0.05);
        assertEquals(1.0, pde.mass(), 1e-12);
        assertTrue(pde.minimum() >= 0);
        // Stationary: ρ_i ∝ exp(−β(V_i + (W ∗ ρ)_i)) with the PDE's own W ∗ ρ.
        double[] conv = pde.interactionPotential();
        double[] rho = pde.density();
        double z = 0;
        double[] g = new double[rho.length];
        for (int i = 0; i < rho.length; i++) {
            g[i] = Math.exp(-beta * (v.energy(new double[] {pde.centre(i)}) + conv[i]));
            z += g[i] * pde.cellWidth();
        }
        double err = 0;
        for (int i = 0; i < rho.length; i++) {
            if (g[i] / z > 1e-3) {
                err = Math.max(err, Math.abs(rho[i] - g[i] / z) / (g[i] / z));
            }
        }
        assertTrue(err < 1e-8, "self-consistency residual " + err);
    }
}
