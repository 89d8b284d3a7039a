package org.ensemble.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ensemble.potential.DoubleWellPotential;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against the 40-digit values of ../shared/reference (double-precision quadrature: 1e-9 relative). */
class ExactMfpt1DTest {
    @ParameterizedTest
    @CsvSource({
        "2, 1.0, 10.2585700671842", "3, 1.0, 26.6400877981153", "4, 1.0, 69.2636447608363",
        "2, 0.0, 4.60653961310710", "3, 0.0, 12.6983500580619", "4, 0.0, 33.9457442876798"})
    void matchesTheReferenceTable(double beta, double target, double expected) {
        double tau = ExactMfpt1D.mfpt(new DoubleWellPotential(0), beta, -1.0, target);
        assertEquals(expected, tau, 1e-9 * expected);
    }

    @ParameterizedTest
    @CsvSource({"2", "4"})
    void reflectionGivesTheMirrorEscape(double beta) {
        // The untilted well is symmetric: +1 → −1 equals −1 → +1.
        DoubleWellPotential v = new DoubleWellPotential(0);
        assertEquals(ExactMfpt1D.mfpt(v, beta, -1, 1), ExactMfpt1D.mfpt(v, beta, 1, -1), 1e-9 * 70);
    }
}
