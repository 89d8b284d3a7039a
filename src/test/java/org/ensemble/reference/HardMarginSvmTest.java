package org.ensemble.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HardMarginSvmTest {
    @Test
    void twoOrthogonalPointsOfOppositeLabels() {
        // w1 ≥ 1 and −w2 ≥ 1: w = (1, −1), margin 1/√2, α = (1, 1).
        HardMarginSvm.Solution s = HardMarginSvm.solve(new double[][] {{1, 0}, {0, 1}}, new double[] {1, -1});
        assertArrayEquals(new double[] {1, -1}, s.w(), 1e-12);
        assertEquals(1 / Math.sqrt(2), s.margin(), 1e-12);
        assertArrayEquals(new double[] {1, 1}, s.alpha(), 1e-12);
    }

    @Test
    void symmetricSetIsOneConstraint() {
        // ±x with labels ±1: w = x/‖x‖², margin ‖x‖; the far point (3x) is not a support vector.
        double[][] x = {{2, 1}, {-2, -1}, {6, 3}};
        HardMarginSvm.Solution s = HardMarginSvm.solve(x, new double[] {1, -1, 1});
        assertArrayEquals(new double[] {0.4, 0.2}, s.w(), 1e-12);
        assertEquals(Math.sqrt(5), s.margin(), 1e-12);
        assertEquals(0, s.alpha()[2], 0);
    }

    @Test
    void matchesABruteForceScanOfDirectionsIn2d() {
        // The max-margin unit direction maximises min_i y_i⟨x_i, θ⟩ over the circle: scan, then refine
        // by golden section around the best angle. Independent of the dual.
        double[][] x = Gaussians.matrix(12, 2, 21);
        double[] y = new double[12];
        for (int i = 0; i < 12; i++) {
            y[i] = x[i][0] + 0.3 * x[i][1] > 0 ? 1 : -1;
            x[i][0] += 0.5 * y[i]; // push the classes apart: a clear margin
        }
        HardMarginSvm.Solution s = HardMarginSvm.solve(x, y);
        double bestT = 0;
        double best = -1e9;
        for (int k = 0; k < 100_000; k++) {
            double t = 2 * Math.PI * k / 100_000;
            double m = minMargin(x, y, t);
            if (m > best) {
                best = m;
                bestT = t;
            }
        }
        double lo = bestT - 1e-4;
        double hi = bestT + 1e-4;
        double g = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 200; it++) {
            double a = hi - g * (hi - lo);
            double b = lo + g * (hi - lo);
            if (minMargin(x, y, a) < minMargin(x, y, b)) {
                lo = a;
            } else {
                hi = b;
            }
        }
        double t = (lo + hi) / 2;
        double[] dir = s.direction();
        // The min-of-linear objective has a kink at the optimum: golden section pins the angle to ~1e-12.
        assertEquals(Math.cos(t), dir[0], 1e-9);
        assertEquals(Math.sin(t), dir[1], 1e-9);
        assertEquals(minMargin(x, y, t), s.margin(), 1e-12);
    }

    private static double minMargin(double[][] x, double[] y, double t) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            m = Math.min(m, y[i] * (x[i][0] * Math.cos(t) + x[i][1] * Math.sin(t)));
        }
        return m;
    }

    @Test
    void refusesInseparableData() {
        assertThrows(IllegalArgumentException.class,
                () -> HardMarginSvm.solve(new double[][] {{1, 0}, {1, 0}}, new double[] {1, -1}));
    }
}
