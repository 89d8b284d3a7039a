package org.ensemble.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WoodworthPotentialTest {
    @Test
    void qHasItsSeriesAndItsDerivativeIsArcsinh() {
        assertEquals(0, WoodworthPotential.q(0), 0);
        // q''(z) = 1/(2√(1+z²/4)) = ½(1 − z²/8 + 3z⁴/128 − …), so q(z) = z²/4 − z⁴/192 + z⁶/2560 + O(z⁸).
        assertEquals(1e-4 / 4 - 1e-8 / 192 + 1e-12 / 2560, WoodworthPotential.q(1e-2), 1e-18);
        for (double z : new double[] {-30, -1, 0.3, 5, 200}) {
            double h = 1e-5 * Math.max(1, Math.abs(z));
            double fd = (WoodworthPotential.q(z + h) - WoodworthPotential.q(z - h)) / (2 * h);
            assertEquals(WoodworthPotential.asinh(z / 2), fd, 1e-7 * Math.max(1, Math.abs(fd)));
        }
    }

    @Test
    void oneEquationTwoUnknownsSolvesTheScalarKkt() {
        // w1 + 2 w2 = 3: KKT w1 = 2α² sinh(λ), w2 = 2α² sinh(2λ); solve for λ by bisection independently.
        for (double alpha : new double[] {0.01, 0.3, 1, 10}) {
            double a2 = alpha * alpha;
            double lo = 0;
            double hi = 50;
            for (int it = 0; it < 200; it++) {
                double mid = (lo + hi) / 2;
                if (2 * a2 * (Math.sinh(mid) + 2 * Math.sinh(2 * mid)) > 3) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            double lam = (lo + hi) / 2;
            WoodworthPotential.Solution s = WoodworthPotential.argmin(new double[][] {{1, 2}}, new double[] {3}, alpha);
            assertArrayEquals(new double[] {2 * a2 * Math.sinh(lam), 2 * a2 * Math.sinh(2 * lam)}, s.w(),
                    1e-12 * 3, "α = " + alpha);
        }
    }

    @Test
    void interpolatesBetweenBasisPursuitAndMinNorm() {
        // A 3-sparse vector measured by 20 Gaussian rows in d = 40 (entries N(0, 1/n)): basis pursuit
        // recovers it, with a strict dual certificate, so the LP optimum is sharp.
        double[][] x = Gaussians.matrix(20, 40, 17);
        for (double[] row : x) {
            for (int j = 0; j < 40; j++) {
                row[j] /= Math.sqrt(20);
            }
        }
        double[] planted = new double[40];
        planted[2] = 1;
        planted[11] = -0.8;
        planted[5] = 0.5;
        double[] y = Gaussians.times(x, planted);
        double[] l1 = BasisPursuit.solve(x, y);
        double[] l2 = MinNormSolution.solve(x, y);
        // α ≫ ‖w‖: Q_α ≈ ‖w‖²/(4α²) − O(‖w‖⁴/α⁶), minimiser within O(‖w‖³/α⁴) of min-ℓ2 (≈ 1e-11 at α = 100).
        // α → 0: off-support coordinates are 2α² sinh(ρ s) with |ρ| < 1 the certificate's slack, so
        // the distance to basis pursuit falls like a power of α (≈ 6e-5 at α = 1e-8 here).
        double dBig = dist(WoodworthPotential.argmin(x, y, 100).w(), l2);
        double dSmall = dist(WoodworthPotential.argmin(x, y, 1e-8).w(), l1);
        double dMid = dist(WoodworthPotential.argmin(x, y, 1e-2).w(), l1);
        assertTrue(dBig < 1e-10, "α = 100: distance to min-ℓ2 " + dBig);
        assertTrue(dSmall < 1e-4, "α = 1e-8: distance to basis pursuit " + dSmall);
        assertTrue(dMid > 0.1, "α = 1e-2 is in between: distance to basis pursuit " + dMid);
        // It is the constrained minimiser: feasible perturbations along null directions raise Q_α.
        double alpha = 0.3;
        double[] w = WoodworthPotential.argmin(x, y, alpha).w();
        assertArrayEquals(y, Gaussians.times(x, w), 1e-12);
        double q0 = WoodworthPotential.value(w, alpha);
        for (double[] z : Gaussians.matrix(50, 40, 18)) {
            double[] pz = MinNormSolution.solve(x, Gaussians.times(x, z));
            double[] c = new double[40];
            for (int j = 0; j < 40; j++) {
                c[j] = w[j] + 1e-3 * (z[j] - pz[j]);
            }
            assertTrue(WoodworthPotential.value(c, alpha) > q0);
        }
    }

    static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
