package org.ensemble.graphdynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KuramotoMeanFieldTest {
    /** I₁/I₀ by the power series (fine in doubles for x ≤ 30: terms peak near k ≈ x/2, no overflow). */
    private static double seriesRatio(double x) {
        double i0 = 0;
        double i1 = 0;
        double t = 1;
        for (int k = 0; k < 300; k++) {
            if (k > 0) {
                t *= (x / 2) * (x / 2) / ((double) k * k);
            }
            i0 += t;
            i1 += t * (x / 2) / (k + 1);
        }
        return i1 / i0;
    }

    @Test
    void besselRatioMatchesThePowerSeries() {
        for (double x : new double[] {1e-3, 0.5, 2, 10, 30}) {
            assertEquals(seriesRatio(x), KuramotoMeanField.besselRatio(x), 1e-14, "x = " + x);
        }
        // large x: I1/I0 = 1 − 1/(2x) − 1/(8x²) − … (asymptotic; next term 1/(8x³) ≈ 1.6e-8 at x = 200)
        double x = 200;
        assertEquals(1 - 1 / (2 * x) - 1 / (8 * x * x), KuramotoMeanField.besselRatio(x), 1e-7);
    }

    @Test
    void selfConsistencyHasItsRootAboveTwoDAndNoneBelow() {
        double d = 0.7;
        assertEquals(0, KuramotoMeanField.selfConsistentR(2 * d, d));
        assertEquals(0, KuramotoMeanField.selfConsistentR(d, d));
        for (double kd : new double[] {2.5, 3, 4, 6}) {
            double r = KuramotoMeanField.selfConsistentR(kd * d, d);
            assertEquals(r, KuramotoMeanField.besselRatio(kd * r), 1e-14);
            assertTrue(r > 0 && r < 1);
        }
        // near K_c: I1/I0(x) = x/2 − x³/16 + O(x⁵) gives r² ≈ 16(κ/2 − 1)/κ³ (relative error O(κ − 2))
        double kappa = 2.01;
        double r = KuramotoMeanField.selfConsistentR(kappa, 1);
        assertEquals(Math.sqrt(16 * (kappa / 2 - 1) / (kappa * kappa * kappa)), r, 0.01 * r);
    }

    @Test
    void ottAntonsenAndTheFiniteNReferences() {
        assertEquals(Math.sqrt(0.5), KuramotoMeanField.ottAntonsenR(4, 1), 1e-15);
        assertEquals(0, KuramotoMeanField.ottAntonsenR(1.5, 1));
        // below K_c the saddle-point law reduces to the Rayleigh law of the incoherent state (error O(N^-3/2))
        for (int n : new int[] {500, 5000}) {
            double a = KuramotoMeanField.finiteNMeanR(1, 1, n);
            assertEquals(KuramotoMeanField.incoherentMeanR(1, 1, n), a, 2e-3 * a, "N = " + n);
        }
        // above K_c the finite-N mean tends to the self-consistent root as N grows (difference O(1/N))
        double rs = KuramotoMeanField.selfConsistentR(3, 1);
        double d1 = Math.abs(KuramotoMeanField.finiteNMeanR(3, 1, 1000) - rs);
        double d2 = Math.abs(KuramotoMeanField.finiteNMeanR(3, 1, 100_000) - rs);
        assertTrue(d1 < 2e-3 && d2 < d1 / 10, d1 + " " + d2);
    }
}
