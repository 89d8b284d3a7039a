package org.ensemble.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.potential.Potential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExactCommittor1DTest {
    /** A linear potential V = c·x, whose committor has a closed form. */
    private static Potential linear(double c) {
        return new Potential() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double energy(double[] x) {
                return c * x[0];
            }

            @Override
            public void gradient(double[] x, double[] out) {
                out[0] = c;
            }
        };
    }

    /** V = 0: q(x) = (x − a)/(b − a); quadrature of a constant is exact up to round-off. */
    @ParameterizedTest
    @CsvSource({"1, -1, 1, -0.9", "40, -1, 1, 0.3", "7, 0, 2, 1.999"})
    void freeDiffusionIsLinear(double beta, double a, double b, double x) {
        assertEquals((x - a) / (b - a), ExactCommittor1D.committor(linear(0), beta, a, b, x), 1e-13);
    }

    /**
     * V = c·x: q(x) = expm1(βc(x − a)) / expm1(βc(b − a)). At β = 40, c = 1 from −0.9 between −1
     * and 1 this is 5.4e-34, far below anything a direct sum of e^{βV} would resolve; tolerance
     * 1e-11 relative (the quadrature is near round-off, the exponent is 80).
     */
    @ParameterizedTest
    @CsvSource({"1, 1, -0.9", "40, 1, -0.9", "40, -1, -0.9", "4, 3, 0.5", "40, 1, 0.99"})
    void linearPotentialMatchesItsClosedForm(double beta, double c, double x) {
        double a = -1;
        double b = 1;
        double logExact = Math.log(Math.expm1(beta * c * (x - a)) / Math.expm1(beta * c * (b - a)));
        if (beta * c * (b - a) > 700) {
            logExact = Math.log(Math.expm1(beta * c * (x - a))) - beta * c * (b - a);
        }
        double log = ExactCommittor1D.logCommittor(linear(c), beta, a, b, x);
        assertEquals(logExact, log, 1e-11 * Math.max(1, Math.abs(logExact)));
    }

    /**
     * The double well at β = 40: against a brute-force midpoint sum of e^{β(V − max)} on 2e6
     * cells (error ~ h² V''β ≈ 1e-10 relative), the two integrals combined in log space.
     */
    @Test
    void doubleWellMatchesBruteForceAtLowTemperature() {
        DoubleWellPotential v = new DoubleWellPotential(0);
        double beta = 40;
        double a = -1;
        double b = 1;
        double x = -0.9;
        double logExpected = logMidpoint(v, beta, a, x) - logMidpoint(v, beta, a, b);
        double log = ExactCommittor1D.logCommittor(v, beta, a, b, x);
        assertEquals(logExpected, log, 1e-8);
        // Laplace at the saddle: ∫_a^b e^{βV} ≈ e^{β} sqrt(π/(2β)) (V''(0) = −4), and near a
        // V ≈ 4(x + 1)², ∫_0^{0.1} e^{160u²} du ≈ 0.18: log p ≈ log 0.18 − 40 + 1.62 ≈ −40.1 (p ~ 4e-18).
        assertEquals(-40.1, log, 0.1);
    }

    private static double logMidpoint(Potential v, double beta, double lo, double hi) {
        int cells = 2_000_000;
        double h = (hi - lo) / cells;
        double[] e = new double[cells];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < cells; i++) {
            e[i] = v.energy(new double[] {lo + (i + 0.5) * h});
            max = Math.max(max, e[i]);
        }
        double s = 0;
        for (int i = 0; i < cells; i++) {
            s += Math.exp(beta * (e[i] - max));
        }
        return Math.log(s * h) + beta * max;
    }

    @Test
    void endsAndBadInput() {
        Potential v = new DoubleWellPotential(0);
        assertEquals(0.0, ExactCommittor1D.committor(v, 3, -1, 1, -1));
        assertEquals(1.0, ExactCommittor1D.committor(v, 3, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ExactCommittor1D.committor(v, 3, 1, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> ExactCommittor1D.committor(v, 0, -1, 1, 0));
    }
}
