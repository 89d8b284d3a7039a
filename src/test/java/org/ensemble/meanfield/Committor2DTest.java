package org.ensemble.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.potential.MullerBrownPotential;
import org.ensemble.potential.Potential;
import org.ensemble.theory.ExactCommittor1D;
import org.junit.jupiter.api.Test;

/** The grid committor against the exact 1-D one, its O(h²) convergence, and q_AB + q_BA = 1. */
class Committor2DTest {
    /** V(x, y) = (x² − 1)²: the committor depends on x only. */
    private static final Potential WELL_IN_X = new Potential() {
        private final DoubleWellPotential well = new DoubleWellPotential(0);

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double energy(double[] x) {
            return well.energy(new double[] {x[0]});
        }

        @Override
        public void gradient(double[] x, double[] out) {
            double[] g = new double[1];
            well.gradient(new double[] {x[0]}, g);
            out[0] = g[0];
            out[1] = 0;
        }
    };

    /**
     * Balls of radius 1000 centred at x = ∓1001 are the half-planes x ≤ −1 and x ≥ 1 to within
     * y²/2000 ≤ 5e-5 over the strip |y| ≤ 0.3 (zero-flux walls in y), so q(−0.9, 0) must be the 1-D
     * q(−0.9) = 8.159e-5 at β = 8 — a value 1e4 times below the q = 1 on B, which the elimination
     * keeps to full relative accuracy. The sphere x = −1 falls between cell centres (cut links).
     */
    @Test
    void halfPlanesGiveTheExact1DCommittorWithSecondOrderConvergence() {
        double exact = ExactCommittor1D.committor(new DoubleWellPotential(0), 8, -1, 1, -0.9);
        double[] q = new double[3];
        int[] cells = {40, 80, 160};
        for (int k = 0; k < 3; k++) {
            Committor2D c = new Committor2D(WELL_IN_X, 8, new double[] {-1.2, -0.3}, new double[] {1.2, 0.3},
                    cells[k], new double[] {-1001, 0}, 1000, new double[] {1001, 0}, 1000);
            q[k] = c.at(-0.9, 0);
        }
        // The halving estimate |q_h − q_2h| bounds the error of q_h (for O(h²) it is ≈ 3× the error).
        assertTrue(Math.abs(q[2] - exact) <= Math.abs(q[2] - q[1]), q[2] + " vs " + exact);
        assertEquals(exact, q[2], 0.01 * exact); // measured 0.35% at 160 cells
        // Second order: halving h divides the error by ~4 (measured 4.0 and 3.9).
        double r1 = (q[0] - exact) / (q[1] - exact);
        double r2 = (q[1] - exact) / (q[2] - exact);
        assertTrue(r1 > 3 && r1 < 5 && r2 > 3 && r2 < 5, r1 + ", " + r2);
    }

    /** Swapping A and B gives 1 − q: both solves are probabilities of complementary events. */
    @Test
    void swappingAandBGivesOneMinusQ() {
        Potential v = new MullerBrownPotential(0.05);
        double[] low = {-1.7, -0.6};
        double[] high = {1.3, 2.1};
        double[] ca = {-0.558, 1.442};
        double[] cb = {0.623, 0.028};
        Committor2D ab = new Committor2D(v, 2, low, high, 48, ca, 0.1, cb, 0.1);
        Committor2D ba = new Committor2D(v, 2, low, high, 48, cb, 0.1, ca, 0.1);
        double[] q = ab.values();
        double[] r = ba.values();
        double min = 1;
        for (int k = 0; k < q.length; k++) {
            assertEquals(1, q[k] + r[k], 1e-12, "cell " + k);
            assertTrue(q[k] >= 0 && q[k] <= 1);
            min = Math.min(min, q[k] > 0 ? q[k] : 1);
        }
        assertTrue(min < 1e-6, "the map spans decades: " + min);
    }
}
