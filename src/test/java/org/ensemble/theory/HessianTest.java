package org.ensemble.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.linear.RealMatrix;
import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.potential.HarmonicPotential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HessianTest {
    @Test
    void harmonicPotentialGivesItsStiffness() {
        // A linear gradient is differenced exactly up to round-off (ε·|∇V|/h ≈ 1e-12 here): 1e-9 relative.
        HarmonicPotential h = new HarmonicPotential(new double[] {1, 2.5, 40}, new double[] {0.3, -1, 2});
        double[] ev = Hessian.eigenvalues(Hessian.at(h, new double[] {1, 1, 1}));
        assertEquals(1, ev[0], 1e-9);
        assertEquals(2.5, ev[1], 2.5e-9);
        assertEquals(40, ev[2], 40e-9);
    }

    @Test
    void offDiagonalQuadraticFormIsRecoveredWithItsSpectrum() {
        // A = [[3, 1], [1, 3]]: eigenvalues 2 and 4; a far-off point tests the step scaled to |x|.
        double[][] a = {{3, 1}, {1, 3}};
        RealMatrix h = Hessian.at(TestPotentials.quadratic(a), new double[] {120, -75});
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(a[i][j], h.getEntry(i, j), 1e-9);
            }
        }
        double[] ev = Hessian.eigenvalues(h);
        assertEquals(2, ev[0], 1e-9);
        assertEquals(4, ev[1], 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"-1", "0", "0.3", "1.7"})
    void doubleWellCurvatureIs12xSquaredMinus4(double x) {
        // Fourth-order differences of V' = 4x³ − 4x: the cubic is differenced exactly but for round-off.
        double expected = 12 * x * x - 4;
        double got = Hessian.at(new DoubleWellPotential(0), new double[] {x}).getEntry(0, 0);
        assertEquals(expected, got, 1e-9 * Math.max(1, Math.abs(expected)));
    }
}
