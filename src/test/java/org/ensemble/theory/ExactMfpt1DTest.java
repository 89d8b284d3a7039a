package org.ensemble.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.potential.HarmonicPotential;
import org.ensemble.potential.MullerBrownPotential;
import org.ensemble.potential.Potential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExactMfpt1DTest {
    /** ../shared/reference: a double-precision quadrature should match the 40-digit values to 1e-9 relative. */
    private static final double TABLE_TOLERANCE = 1e-9;

    @ParameterizedTest
    @CsvSource({
        "2, 1.0, 10.2585700671842", "3, 1.0, 26.6400877981153", "4, 1.0, 69.2636447608363",
        "2, 0.0, 4.60653961310710", "3, 0.0, 12.6983500580619", "4, 0.0, 33.9457442876798"})
    void matchesTheReferenceTable(double beta, double target, double expected) {
        double tau = ExactMfpt1D.mfpt(new DoubleWellPotential(0), beta, -1.0, target);
        assertEquals(expected, tau, TABLE_TOLERANCE * expected);
    }

    /**
     * Ornstein–Uhlenbeck V = kx²/2 from 0 to b has a closed form as two positive power series
     * (see {@link #ouMfpt}); β = 1000 puts τ near e^{500}, where any unscaled e^{βV} would have
     * to be handled with care. Tolerance 1e-10: quadrature and series are both near round-off.
     */
    @ParameterizedTest
    @CsvSource({"2, 1, 1", "20, 1, 1", "20, 3, 0.5", "1000, 1, 1"})
    void ornsteinUhlenbeckMatchesItsSeries(double beta, double k, double b) {
        Potential ou = new HarmonicPotential(new double[] {k}, new double[] {0});
        double expected = ouMfpt(beta, k, b);
        assertEquals(expected, ExactMfpt1D.mfpt(ou, beta, 0, b), 1e-10 * expected);
        // Downward by mirroring: the well is symmetric.
        assertEquals(expected, ExactMfpt1D.mfpt(ou, beta, 0, -b), 1e-10 * expected);
    }

    @ParameterizedTest
    @CsvSource({"4", "20"})
    void panelsFineEnoughThatHalvingThemChangesNothing(double beta) {
        DoubleWellPotential v = new DoubleWellPotential(0);
        double coarse = ExactMfpt1D.mfpt(v, beta, -1, 1);
        double fine = ExactMfpt1D.mfpt(v, beta, -1, 1, 0.05);
        assertEquals(fine, coarse, 1e-12 * fine);
    }

    @Test
    void largeBetaApproachesKramersFromAbove() {
        // τ/τ_K − 1 ≈ 0.57/β over the reference table (β = 3, 4); at β = 20 that is ≈ 0.03,
        // so the ratio must lie in (1, 1.06) — a gross error in the exponent would leave this band.
        double beta = 20;
        double tau = ExactMfpt1D.mfpt(new DoubleWellPotential(0), beta, -1, 1);
        double kramers = EyringKramers.mfpt1D(8, -4, 1, beta);
        assertTrue(tau / kramers > 1 && tau / kramers < 1.06, "τ/τ_K = " + tau / kramers);
    }

    @ParameterizedTest
    @CsvSource({"0.3, 2", "-0.25, 5"})
    void mirroringSwapsDirectionAndTilt(double tilt, double beta) {
        // x ↦ −x maps (x² − 1)² + t·x to (x² − 1)² − t·x: escapes mirror exactly.
        double up = ExactMfpt1D.mfpt(new DoubleWellPotential(tilt), beta, -1, 1);
        double down = ExactMfpt1D.mfpt(new DoubleWellPotential(-tilt), beta, 1, -1);
        assertEquals(up, down, 1e-12 * up);
    }

    @Test
    void startingAtTheTargetTakesNoTime() {
        assertEquals(0, ExactMfpt1D.mfpt(new DoubleWellPotential(0), 4, 0.5, 0.5));
    }

    @Test
    void startingHighOnTheWallStaysFinite() {
        // At β = 500 the weight at x = −2 is e^{−500·8}: unscaled it would underflow to 0 and
        // give 0·∞. Strong Markov: τ(−2 → 1) = τ(−2 → −1) + τ(−1 → 1).
        Potential ou = new HarmonicPotential(new double[] {1}, new double[] {0});
        double whole = ExactMfpt1D.mfpt(ou, 500, -2, 0.5);
        double sum = ExactMfpt1D.mfpt(ou, 500, -2, -1) + ExactMfpt1D.mfpt(ou, 500, -1, 0.5);
        assertTrue(Double.isFinite(whole) && whole > 0);
        assertEquals(sum, whole, 1e-10 * whole);
    }

    @Test
    void refusesWrongDimensionAndNonConfiningPotentials() {
        assertThrows(IllegalArgumentException.class,
                () -> ExactMfpt1D.mfpt(new MullerBrownPotential(1), 1, 0, 1));
        Potential slope = TestPotentials.slope();
        // V = x: e^{−βV} grows without bound on the left, the process drifts away: τ = ∞.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExactMfpt1D.mfpt(slope, 1, 0, 1));
        assertTrue(e.getMessage().contains("does not confine"), e.getMessage());
        // Downwards it confines (it rises to the right): Brownian motion with drift 1 needs time
        // distance/drift = 1 on average, for any β (a check of the mirrored branch and the cut-off).
        assertEquals(1.0, ExactMfpt1D.mfpt(slope, 1, 0, -1), 1e-10);
        assertEquals(1.0, ExactMfpt1D.mfpt(slope, 7, 0, -1), 1e-10);
        assertThrows(IllegalArgumentException.class,
                () -> ExactMfpt1D.mfpt(new DoubleWellPotential(0), 0, -1, 1));
    }

    /**
     * τ(0 → b) for V = kx²/2, c = βk/2, S = b√c:
     * τ = β[√π/(2c) Σ S^{2n+1}/(n!(2n+1)) + (1/c) Σ 2^n S^{2n+2}/((2n+1)!!(2n+2))],
     * from ∫_0^S e^{t²} dt and e^{t²}∫_0^t e^{−w²} dw = Σ 2^n t^{2n+1}/(2n+1)!!. All terms are positive for b > 0.
     */
    static double ouMfpt(double beta, double k, double b) {
        double c = beta * k / 2;
        double s = b * Math.sqrt(c);
        double s2 = s * s;
        double first = 0;
        double a = s; // S^{2n+1}/n!
        double second = 0;
        double d = s2; // 2^n S^{2n+2}/(2n+1)!!
        for (int n = 0; n < 100_000; n++) {
            double t1 = a / (2 * n + 1);
            double t2 = d / (2 * n + 2);
            first += t1;
            second += t2;
            if (n > s2 && t1 < 1e-18 * first && t2 < 1e-18 * second) {
                break;
            }
            a *= s2 / (n + 1);
            d *= 2 * s2 / (2 * n + 3);
        }
        return beta * (Math.sqrt(Math.PI) / (2 * c) * first + second / c);
    }
}
