package org.ensemble.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IsotropicGaussiansTest {

    @Test
    void deterministicInSeedStepAndIndex() {
        DataSourceChecks.assertDeterministic(new IsotropicGaussians(6, 0.5, 11), new IsotropicGaussians(6, 0.5, 11));
        DataSourceChecks.assertSeedMatters(new IsotropicGaussians(6, 0.5, 11), new IsotropicGaussians(6, 0.5, 12));
    }

    @Test
    void labelsBalancedAndVariancePerLabelIsOnePlusMinusDeltaSquared() {
        int d = 20;
        double delta = 0.4;
        int n = 4000;
        IsotropicGaussians s = new IsotropicGaussians(d, delta, 2024);
        double[] x = new double[d];
        double[] sumSq = new double[2];
        double[] sum = new double[2];
        int[] count = new int[2];
        for (int t = 0; t < n; t++) {
            // Spread over steps and indices so both coordinates of the key are exercised.
            double y = s.trainSample(t / 40, t % 40, x);
            assertTrue(y == 1.0 || y == -1.0, "label ±1");
            int g = y > 0 ? 0 : 1;
            count[g]++;
            for (double v : x) {
                sum[g] += v;
                sumSq[g] += v * v;
            }
        }
        // P(y = 1) = 1/2: SE of the fraction = 0.5/√4000 ≈ 0.0079; 4 SE.
        assertEquals(0.5, count[0] / (double) n, 0.032);
        for (int g = 0; g < 2; g++) {
            double sigma2 = Math.pow(1 + delta * (g == 0 ? 1 : -1), 2);
            double m = count[g] * (double) d; // ≈ 40 000 coordinates per label
            // Var(x²) = 2σ⁴, so the SE of the mean square is σ²·√(2/m) ≈ 0.0071σ²; 5 SE.
            assertEquals(sigma2, sumSq[g] / m, 5 * sigma2 * Math.sqrt(2 / m), "variance, label " + (g == 0 ? "+1" : "-1"));
            // SE of the mean = σ/√m; 5 SE.
            assertEquals(0.0, sum[g] / m, 5 * Math.sqrt(sigma2 / m), "mean, label " + g);
        }
    }

    @Test
    void heldOutHasTheSameLaw() {
        int d = 10;
        double delta = 0.5;
        int n = 3000;
        IsotropicGaussians s = new IsotropicGaussians(d, delta, 7);
        double[] x = new double[d];
        double plusSq = 0;
        int plus = 0;
        for (int j = 0; j < n; j++) {
            if (s.testSample(j, x) > 0) {
                plus++;
                for (double v : x) {
                    plusSq += v * v;
                }
            }
        }
        // SE of the fraction ≈ 0.0091; 4 SE.
        assertEquals(0.5, plus / (double) n, 0.037);
        double m = plus * (double) d;
        assertEquals(2.25, plusSq / m, 5 * 2.25 * Math.sqrt(2 / m));
    }

    @Test
    void rejectsBadArguments() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new IsotropicGaussians(0, 0.5, 1))
                .getMessage().contains("dimension"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new IsotropicGaussians(3, 1.0, 1))
                .getMessage().contains("delta"));
    }
}
