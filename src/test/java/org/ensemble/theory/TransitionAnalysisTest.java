package org.ensemble.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.potential.MullerBrownPotential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransitionAnalysisTest {
    @Test
    void doubleWellFromMinusOneToPlusOne() {
        TransitionEstimate t = TransitionAnalysis.analyze1D(new DoubleWellPotential(0), 4, -1, 1).orElseThrow();
        assertEquals(-1, t.start().x()[0], 1e-12);
        assertEquals(1, t.end().x()[0], 1e-12);
        assertEquals(0, t.criticalSaddle().x()[0], 1e-12);
        assertEquals(1, t.saddles().size());
        assertEquals(1, t.barrier(), 1e-12);
        assertEquals(8, t.start().eigenvalues()[0], 1e-9);
        assertEquals(-4, t.criticalSaddle().eigenvalues()[0], 1e-9);
        // Reference: τ_K = 60.64329731 (10 digits printed), exact 69.2636447608363 (to 1e-9).
        assertEquals(60.64329731, t.eyringKramersMfpt(), 2e-9 * 60.64);
        assertEquals(69.2636447608363, t.exactMfpt().orElseThrow(), 1e-9 * 69.26);
        assertEquals(4, t.beta());
        assertTrue(t.eulerMaruyamaMfpt().isEmpty());
    }

    @Test
    void withAStepTheEulerMaruyamaTimeComesAlong() {
        TransitionEstimate t = TransitionAnalysis.analyze(new DoubleWellPotential(0), 4, new double[] {-1},
                new double[] {1.5}, 1.0, 1e-2).orElseThrow();
        // Reference: 68.6088 (six digits printed).
        assertEquals(68.6088, t.eulerMaruyamaMfpt().orElseThrow(), 1e-4);
    }

    @Test
    void doubleWellToTheSaddleUsesTheThresholdForTheExactTime() {
        TransitionEstimate t = TransitionAnalysis.analyze1D(new DoubleWellPotential(0), 3, -1, 0).orElseThrow();
        assertEquals(1, t.end().x()[0], 1e-12);
        assertEquals(12.6983500580619, t.exactMfpt().orElseThrow(), 1e-9 * 12.7);
        assertEquals(22.30942232, t.eyringKramersMfpt(), 2e-9 * 22.31);
    }

    @ParameterizedTest
    @CsvSource({"0.3, 1", "-0.3, 1", "0.3, -1"})
    void tiltedDoubleWellAgainstTheCubicsRoots(double tilt, double direction) {
        double[] r = TestPotentials.tiltedCriticalPoints(tilt);
        double from = direction > 0 ? r[0] : r[2];
        double to = direction > 0 ? r[2] : r[0];
        DoubleWellPotential v = new DoubleWellPotential(tilt);
        double beta = 3;
        TransitionEstimate t = TransitionAnalysis.analyze1D(v, beta, from, to).orElseThrow();
        double barrier = energy(tilt, r[1]) - energy(tilt, from);
        assertEquals(barrier, t.barrier(), 1e-12);
        double ek = EyringKramers.mfpt1D(12 * from * from - 4, 12 * r[1] * r[1] - 4, barrier, beta);
        assertEquals(ek, t.eyringKramersMfpt(), 1e-8 * ek);
        assertEquals(ExactMfpt1D.mfpt(v, beta, from, to), t.exactMfpt().orElseThrow(), 0);
        // Uphill escapes take longer than downhill ones: a sign error in the tilt would swap them.
        double exact = t.exactMfpt().orElseThrow();
        double reverse = ExactMfpt1D.mfpt(v, beta, to, from);
        assertTrue(barrier > energy(tilt, r[1]) - energy(tilt, to) == exact > reverse);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "0.05, 20"})
    void mullerBrownEscapeFromTheDeepestMinimum(double scale, double beta) {
        MullerBrownPotential mb = new MullerBrownPotential(scale);
        // Target point inside B's basin (not the minimum itself), start off A's minimum.
        TransitionEstimate t = TransitionAnalysis.analyze(mb, beta, new double[] {-0.6, 1.3}, new double[] {0.5, 0.1})
                .orElseThrow();
        assertEquals(5, t.path().points().size());
        assertEquals(2, t.saddles().size());
        assertEquals(-0.822002, t.criticalSaddle().x()[0], 1e-5);
        assertEquals(0.624313, t.criticalSaddle().x()[1], 1e-5);
        // ΔV = −40.6648 − (−146.6995) = 106.0347 at scale 1 (literature to 4 decimals: 2e-4).
        assertEquals(106.0347 * scale, t.barrier(), 2e-4 * scale);
        assertTrue(t.exactMfpt().isEmpty());
        // Eyring–Kramers from the point's own Hessians, recomputed here.
        double[] em = t.start().eigenvalues();
        double[] es = t.criticalSaddle().eigenvalues();
        double expected = 2 * Math.PI / -es[0] * Math.sqrt(-es[0] * es[1] / (em[0] * em[1]))
                * Math.exp(beta * t.barrier());
        assertEquals(expected, t.eyringKramersMfpt(), 1e-12 * expected);
    }

    @Test
    void eyringKramersScalesWithThePotential() {
        // V → sV at β equals V at sβ with time stretched by 1/s: τ_s(β) = τ_1(sβ)/s.
        double s = 0.05;
        double beta = 20;
        double scaled = TransitionAnalysis.analyze(new MullerBrownPotential(s), beta, new double[] {-0.6, 1.3},
                new double[] {0.5, 0.1}).orElseThrow().eyringKramersMfpt();
        double unit = TransitionAnalysis.analyze(new MullerBrownPotential(1), s * beta, new double[] {-0.6, 1.3},
                new double[] {0.5, 0.1}).orElseThrow().eyringKramersMfpt();
        assertEquals(unit / s, scaled, 1e-8 * scaled);
    }

    @Test
    void sameBasinHasNoTransition() {
        assertTrue(TransitionAnalysis.analyze(new DoubleWellPotential(0), 4, new double[] {-1}, new double[] {-0.5})
                .isEmpty());
    }

    private static double energy(double tilt, double x) {
        return (x * x - 1) * (x * x - 1) + tilt * x;
    }
}
