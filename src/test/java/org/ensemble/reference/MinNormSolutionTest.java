package org.ensemble.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class MinNormSolutionTest {
    @Test
    void oneEquationIsTheProjectionOntoTheRow() {
        // a·w = y: w = y a / ‖a‖².
        double[] w = MinNormSolution.solve(new double[][] {{3, 4, 0}}, new double[] {5});
        assertArrayEquals(new double[] {0.6, 0.8, 0}, w, 1e-15);
    }

    @Test
    void matchesThePseudoInverseFormulaOnAGaussianSystem() {
        double[][] x = Gaussians.matrix(8, 20, 11);
        double[] y = Gaussians.matrix(1, 8, 12)[0];
        double[] w = MinNormSolution.solve(x, y);
        // Xᵀ(XXᵀ)⁻¹y by the normal equations: cond(XXᵀ) ~ 30 here, so agreement to ~1e-13.
        RealMatrix xm = MatrixUtils.createRealMatrix(x);
        double[] ref = xm.transpose().operate(MatrixUtils.inverse(xm.multiply(xm.transpose()))
                .operate(y));
        assertArrayEquals(ref, w, 1e-12);
        assertArrayEquals(y, Gaussians.times(x, w), 1e-13);
    }

    @Test
    void isOrthogonalToTheNullSpace() {
        double[][] x = Gaussians.matrix(5, 12, 3);
        double[] w = MinNormSolution.solve(x, new double[] {1, -2, 0.5, 3, 0});
        // Any interpolant w + z with Xz = 0 is longer: w ⟂ null(X). A null vector: z = e_j − projection.
        double[] e = new double[12];
        e[7] = 1;
        double[] pe = MinNormSolution.solve(x, Gaussians.times(x, e));
        double dot = 0;
        for (int j = 0; j < 12; j++) {
            dot += w[j] * (e[j] - pe[j]);
        }
        assertEquals(0, dot, 1e-13);
    }

    @Test
    void refusesRankDeficientRows() {
        assertThrows(IllegalArgumentException.class,
                () -> MinNormSolution.solve(new double[][] {{1, 2, 3}, {2, 4, 6}}, new double[] {1, 2}));
    }
}
