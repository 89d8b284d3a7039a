package org.ensemble.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairInteractionTest {
    static double[] sample(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            double v = r.nextDouble();
            x[i] = 0.6 * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v) + (i % 2 == 0 ? 0.7 : -0.5);
        }
        return x;
    }

    static double gridError(double[] x, int nodes) {
        PairInteraction p = new PairInteraction(1.3, 0.4, PairInteraction.Method.GRID, -4, 4, nodes);
        double[] w = new double[nodes];
        for (double xi : x) {
            p.deposit(xi, 1.0 / x.length, w);
        }
        double[] table = p.forceTable(w);
        double err = 0;
        for (double y = -2; y <= 2; y += 0.037) {
            err = Math.max(err, Math.abs(p.interpolate(table, y) - p.pairForce(y, x)));
        }
        return err;
    }

    @Test
    void gridFieldConvergesToTheExactPairSumAtSecondOrder() {
        double[] x = sample(3000, 5);
        double e1 = gridError(x, 81);
        double e2 = gridError(x, 161);
        double e3 = gridError(x, 321);
        // Cloud-in-cell deposit + linear interpolation: O(h²), so each halving divides by ≈ 4.
        assertTrue(e2 < e1 / 3 && e3 < e2 / 3, e1 + " " + e2 + " " + e3);
        assertTrue(e3 < 2e-3, "max error " + e3);
    }

    @Test
    void kernelDerivativeMatchesFiniteDifferences() {
        PairInteraction p = new PairInteraction(0.8, 0.3, PairInteraction.Method.PAIRS, 0, 0, 0);
        for (double r = -1; r <= 1; r += 0.1) {
            double fd = (p.w(r + 1e-6) - p.w(r - 1e-6)) / 2e-6;
            assertEquals(fd, p.dw(r), 1e-8);
        }
    }

    static double gridError2(double[] xy, int nodes) {
        PairInteraction p = new PairInteraction(1.3, 0.4, PairInteraction.Method.GRID, -4, 4, nodes, 2);
        double[] w = new double[nodes * nodes];
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            p.deposit2(xy[2 * i], xy[2 * i + 1], 1.0 / n, w);
        }
        double[] table = p.forceTable2(w);
        double err = 0;
        for (double x = -1.5; x <= 1.5; x += 0.13) {
            for (double y = -1.5; y <= 1.5; y += 0.17) {
                for (int axis = 0; axis < 2; axis++) {
                    err = Math.max(err, Math.abs(p.interpolate2(table, x, y, axis) - p.pairForce2(x, y, xy, axis)));
                }
            }
        }
        return err;
    }

    @Test
    void twoDimensionalGridFieldConvergesToTheExactPairSumAtSecondOrder() {
        double[] a = sample(2000, 9);
        double[] b = sample(2000, 10);
        double[] xy = new double[4000];
        for (int i = 0; i < 2000; i++) {
            xy[2 * i] = a[i];
            xy[2 * i + 1] = b[i] * 0.8;
        }
        double e1 = gridError2(xy, 41);
        double e2 = gridError2(xy, 81);
        double e3 = gridError2(xy, 161);
        assertTrue(e2 < e1 / 3 && e3 < e2 / 3, e1 + " " + e2 + " " + e3);
        assertTrue(e3 < 3e-3, "max error " + e3);
    }
}
