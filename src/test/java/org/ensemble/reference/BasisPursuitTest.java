package org.ensemble.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BasisPursuitTest {
    @Test
    void oneEquationPutsAllWeightOnTheLargestCoefficient() {
        // min |w1|+|w2|+|w3| s.t. 1·w1 + 3·w2 − 2·w3 = 6: w = (0, 2, 0), ‖w‖₁ = 2.
        double[] w = BasisPursuit.solve(new double[][] {{1, 3, -2}}, new double[] {6});
        assertArrayEquals(new double[] {0, 2, 0}, w, 1e-14);
    }

    @Test
    void recoversAPlantedSparseVectorExactly() {
        // n = 20 Gaussian measurements of a 2-sparse vector in d = 40: well inside the recovery
        // region (n ≳ 2k log(d/k) ≈ 12), so basis pursuit returns the planted vector.
        double[][] x = Gaussians.matrix(20, 40, 5);
        double[] planted = new double[40];
        planted[3] = 1.5;
        planted[29] = -0.7;
        double[] w = BasisPursuit.solve(x, Gaussians.times(x, planted));
        assertArrayEquals(planted, w, 1e-13);
    }

    @Test
    void beatsTheMinNormSolutionInL1AndInterpolates() {
        double[][] x = Gaussians.matrix(6, 15, 9);
        double[] y = {1, 0, -1, 2, 0.5, -0.3};
        double[] w = BasisPursuit.solve(x, y);
        assertArrayEquals(y, Gaussians.times(x, w), 1e-12);
        assertTrue(BasisPursuit.l1(w) < BasisPursuit.l1(MinNormSolution.solve(x, y)));
        int support = 0;
        for (double v : w) {
            support += v != 0 ? 1 : 0;
        }
        assertTrue(support <= 6, "a vertex has at most n nonzeros, got " + support);
        // Optimality: ‖w‖₁ equals its value perturbed along any null direction to first order is ≥ 0;
        // checked against 200 random feasible points w + t z.
        double best = BasisPursuit.l1(w);
        double[][] z = Gaussians.matrix(200, 15, 10);
        for (double[] zi : z) {
            double[] pz = MinNormSolution.solve(x, Gaussians.times(x, zi));
            double[] cand = new double[15];
            for (int j = 0; j < 15; j++) {
                cand[j] = w[j] + 0.1 * (zi[j] - pz[j]);
            }
            assertTrue(BasisPursuit.l1(cand) >= best - 1e-12);
        }
        assertEquals(best, BasisPursuit.l1(w), 0);
    }
}
