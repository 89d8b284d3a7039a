package org.ensemble.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ensemble.potential.HarmonicPotential;
import org.ensemble.potential.MullerBrownPotential;
import org.junit.jupiter.api.Test;

class FokkerPlanck2DTest {
    @Test
    void conservesMassStaysNonnegativeAndReachesTheExactGibbsDensity() {
        double beta = 1;
        MullerBrownPotential v = new MullerBrownPotential(0.05);
        FokkerPlanck2D pde = new FokkerPlanck2D(v, beta, 0, new double[] {-1.5, -0.5}, new double[] {1.2, 2.0}, 60);
        pde.startGaussian(new double[] {-0.558, 1.442}, new double[] {0.1, 0.1});
        for (int k = 0; k < 400; k++) {
            pde.step(k % 2 == 0 ? 1e-3 : 2.0);
            assertTrue(pde.minimum() >= 0, "negative density at step " + k);
        }
        assertEquals(1.0, pde.mass(), 1e-12);
        // Stationary: ρ ∝ e^{−βV} at the centres, a fixed point of both sweeps.
        double[] rho = pde.density();
        double z = 0;
        double[] g = new double[rho.length];
        int n = pde.cellsPerAxis();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i * n + j] = Math.exp(-beta * v.energy(new double[] {pde.cx(i), pde.cy(j)}));
                z += g[i * n + j];
            }
        }
        double sumRho = 0;
        for (double r : rho) {
            sumRho += r;
        }
        double err = 0;
        for (int k = 0; k < rho.length; k++) {
            double gk = g[k] / z;
            if (gk > 1e-4) {
                err = Math.max(err, Math.abs(rho[k] / sumRho - gk) / gk);
            }
        }
        assertTrue(err < 1e-6, "relative deviation from the discrete Gibbs density " + err);
    }

    @Test
    void anisotropicOrnsteinUhlenbeck() {
        // Separable V: the x and y sweeps commute, so only backward Euler (dt) and the grid (h²) err.
        double beta = 2;
        FokkerPlanck2D pde = new FokkerPlanck2D(new HarmonicPotential(new double[] {1, 3}, new double[] {0.2, -0.1}),
                beta, 0, new double[] {-3, -3}, new double[] {3, 3}, 200);
        pde.startGaussian(new double[] {1.0, 1.0}, new double[] {0.2, 0.2});
        pde.advanceTo(0.5, 1e-3);
        double[] m = pde.mean();
        assertEquals(0.2 + 0.8 * Math.exp(-0.5), m[0], 2e-3);
        assertEquals(-0.1 + 1.1 * Math.exp(-1.5), m[1], 2e-3);
    }

    @Test
    void slicedWassersteinOfAShift() {
        FokkerPlanck2D pde = new FokkerPlanck2D(new HarmonicPotential(new double[] {1, 1}, new double[] {0, 0}), 2, 0,
                new double[] {-3, -3}, new double[] {3, 3}, 120);
        pde.startGaussian(new double[] {0, 0.3}, new double[] {0.5, 0.4});
        // Sample the gridded density itself: a cell by its mass, then a uniform point inside it.
        double[] masses = pde.cellMasses();
        int n = 40_000;
        int cells = pde.cellsPerAxis();
        double h = 6.0 / cells;
        double[] xy = new double[2 * n];
        SplittableRandom r = new SplittableRandom(3);
        double[] cum = new double[masses.length];
        double c = 0;
        for (int k = 0; k < masses.length; k++) {
            c += masses[k];
            cum[k] = c;
        }
        for (int p = 0; p < n; p++) {
            double u = r.nextDouble() * c;
            int k = java.util.Arrays.binarySearch(cum, u);
            k = k >= 0 ? k : -k - 1;
            xy[2 * p] = pde.cx(k / cells) + (r.nextDouble() - 0.5) * h;
            xy[2 * p + 1] = pde.cy(k % cells) + (r.nextDouble() - 0.5) * h;
        }
        double w0 = SlicedWasserstein.w2(xy, pde, 64);
        // Sampling noise ~ N^{-1/2}·spread plus the centre approximation ~ h/√12 = 0.014.
        assertTrue(w0 < 0.03, "sliced W2 of a sample of the density itself: " + w0);
        for (int p = 0; p < n; p++) {
            xy[2 * p] += 0.1;
        }
        double w = SlicedWasserstein.w2(xy, pde, 64);
        // A shift s along x: mean over directions of (s·cos a)² = s²/2, so sliced W2 = s/√2 (plus the floor, in quadrature).
        assertEquals(Math.sqrt(0.005 + w0 * w0), w, 3e-3);
    }

    @Test
    void pairKernelStationaryStateIsSelfConsistentGibbs() {
        org.ensemble.dynamics.PairInteraction w = new org.ensemble.dynamics.PairInteraction(1.5, 0.5,
                org.ensemble.dynamics.PairInteraction.Method.GRID, -3, 3, 31, 2);
        double beta = 1.5;
        HarmonicPotential v = new HarmonicPotential(new double[] {0.5, 1.5}, new double[] {0.4, 0});
        FokkerPlanck2D pde = new FokkerPlanck2D(v, beta, 0, w, new double[] {-3, -3}, new double[] {3, 3}, 50);
        pde.startGaussian(new double[] {0, 0.5}, new double[] {0.5, 0.5});
        pde.advanceTo(60, 0.2);
        assertEquals(1.0, pde.mass(), 1e-12);
        assertTrue(pde.minimum() >= 0);
        double[] conv = pde.interactionPotential();
        double[] rho = pde.density();
        int n = pde.cellsPerAxis();
        double z = 0;
        double[] g = new double[rho.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i * n + j] = Math.exp(-beta * (v.energy(new double[] {pde.cx(i), pde.cy(j)}) + conv[i * n + j]));
                z += g[i * n + j];
            }
        }
        double sum = 0;
        for (double r : rho) {
            sum += r;
        }
        double err = 0;
        for (int k = 0; k < rho.length; k++) {
            if (g[k] / z > 1e-4) {
                err = Math.max(err, Math.abs(rho[k] / sum - g[k] / z) / (g[k] / z));
            }
        }
        assertTrue(err < 1e-6, "self-consistency residual " + err);
    }
}
