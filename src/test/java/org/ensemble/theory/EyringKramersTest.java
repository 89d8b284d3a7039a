package org.ensemble.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ensemble.potential.DoubleWellPotential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EyringKramersTest {
    /** The reference prints τ_K to 10 significant digits: 1e-9 relative covers the rounding. */
    private static final double PRINTED = 1e-9;

    @ParameterizedTest
    @CsvSource({"2, 8.207177818", "3, 22.30942232", "4, 60.64329731"})
    void closedFormMatchesTheReferenceTable(double beta, double expected) {
        assertEquals(expected, EyringKramers.mfpt1D(8, -4, 1, beta), PRINTED * expected);
    }

    @ParameterizedTest
    @CsvSource({"2, 8.207177818", "4, 60.64329731"})
    void fromNumericalCriticalPointsOfTheDoubleWell(double beta, double expected) {
        DoubleWellPotential v = new DoubleWellPotential(0);
        StationaryPoint m = StationaryPoint.at(v, new double[] {-1});
        StationaryPoint s = StationaryPoint.at(v, new double[] {0});
        // Finite-difference curvatures are good to ~1e-12: the printed precision decides.
        assertEquals(expected, EyringKramers.mfpt(m, s, beta), 2 * PRINTED * expected);
    }

    @Test
    void transverseDirectionsCancelInThreeDimensions() {
        // Same stiff transverse Hessian at minimum and saddle: τ_EK equals the 1-D value.
        var v = TestPotentials.doubleWell3D(3, 50);
        StationaryPoint m = StationaryPoint.at(v, new double[] {-1, 0, 0});
        StationaryPoint s = StationaryPoint.at(v, new double[] {0, 0, 0});
        assertEquals(60.64329731, EyringKramers.mfpt(m, s, 4), 2 * PRINTED * 60.64329731);
    }

    @Test
    void underdampedPrefactorIsKramersLanger() {
        // Double well V = (x² − 1)²: V''(−1) = 8, V''(0) = −4. λ⁺ = (−γ + sqrt(γ² + 16))/2; at γ = 1,
        // (√17 − 1)/2 = 1.5615528, so τ = τ_EK · 4/λ⁺ = 60.64329731 · 2.5615528 = 155.3410 (by hand).
        DoubleWellPotential v = new DoubleWellPotential(0);
        StationaryPoint m = StationaryPoint.at(v, new double[] {-1});
        StationaryPoint s = StationaryPoint.at(v, new double[] {0});
        double ek = EyringKramers.mfpt(m, s, 4);
        assertEquals(ek * 4 / ((Math.sqrt(17) - 1) / 2), EyringKramers.underdampedMfpt(m, s, 4, 1), 1e-12 * ek);
        assertEquals(155.3410, EyringKramers.underdampedMfpt(m, s, 4, 1), 1e-3);
        // High friction: γ·τ → τ_EK (overdamped time scale), relative error |λ₋|/γ² = 4e-8 at γ = 1e4.
        assertEquals(ek, EyringKramers.underdampedMfpt(m, s, 4, 1e4) / 1e4, 1e-7 * ek);
        assertThrows(IllegalArgumentException.class, () -> EyringKramers.underdampedMfpt(m, s, 4, 0));
    }

    @Test
    void refusesPointsOfTheWrongKind() {
        DoubleWellPotential v = new DoubleWellPotential(0);
        StationaryPoint m = StationaryPoint.at(v, new double[] {-1});
        StationaryPoint s = StationaryPoint.at(v, new double[] {0});
        assertThrows(IllegalArgumentException.class, () -> EyringKramers.mfpt(s, m, 4));
        assertThrows(IllegalArgumentException.class, () -> EyringKramers.mfpt(m, m, 4));
        assertThrows(IllegalArgumentException.class, () -> EyringKramers.mfpt(m, s, 0));
    }
}
