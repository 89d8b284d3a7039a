package org.ensemble.sgd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.ensemble.data.IsotropicGaussians;
import org.ensemble.data.TeacherNetwork;
import org.ensemble.network.Activation;
import org.ensemble.observe.TimeAverage;
import org.junit.jupiter.api.Test;

/** The must-show closed forms, on the plain loop (the actor run is the same bits: SgdActorRunTest). */
class SgdClosedFormsTest {
    private static SgdSettings settings(Policy p, int workers, int batch, double lr, long versions, long every,
                                        double[] init) {
        return new SgdSettings(p, workers, 0, batch, DelayModel.fixed(), Algorithm.SGD, lr, 0, 0, versions, every,
                init);
    }

    /**
     * Var∞ = ησ²/(λ(2 − ηλ)) for x' = (1 − ηλ)x − ησξ (AR(1), coefficient 1 − ηλ). Batch means of x²
     * over 100 versions, their time average with an integrated-autocorrelation SE (TimeAverage);
     * 3 SE, and the SE itself below 3% of the value so the check has power.
     */
    @Test
    void stationaryVarianceMatchesTheClosedFormAtThreePoints() {
        double[][] points = {{0.1, 1.0}, {0.5, 1.0}, {0.75, 2.0}}; // ηλ = 0.1, 0.5, 1.5
        double sigma = 1.3;
        for (double[] pt : points) {
            double lr = pt[0];
            double lambda = pt[1];
            QuadraticModel q = new QuadraticModel(new double[]{lambda}, new double[]{sigma}, 11);
            List<Double> means = new ArrayList<>();
            SgdSimulation.run(settings(Policy.BSP, 1, 1, lr, 200_000, 100, new double[]{0}), q, r -> {
                if (r.version() > 2_000) { // burn-in: 1/(ηλ) ≤ 10 versions to forget x0 = 0, ×200
                    means.add(r.windowSquaredError());
                }
            });
            TimeAverage avg = TimeAverage.of(means);
            double exact = lr * sigma * sigma / (lambda * (2 - lr * lambda));
            assertEquals(exact, q.stationarySquaredError(lr, 1), 1e-15);
            assertTrue(Math.abs(avg.mean() - exact) < 3 * avg.standardError(), String.format(
                    "ηλ = %.2f: measured %.5f ± %.5f, exact %.5f", lr * lambda, avg.mean(), avg.standardError(), exact));
            assertTrue(avg.standardError() < 0.03 * exact, "SE " + avg.standardError() + " too large to test");
        }
    }

    /**
     * x_{t+1} = x_t − ηλ x_{t−τ} with τ = M − 1 (ASP, fixed compute times): stable iff
     * ηλ < 2 sin(π/(2(2τ+1))). On a grid of step 0.02 offset by 0.01 (no grid point on a boundary),
     * every point below the boundary decays and every point above grows.
     */
    @Test
    void delayedStabilityBoundaryIsFoundWithinOneGridStep() {
        assertEquals(2.0, StabilityProbe.boundary(0), 1e-15);
        assertEquals(1.0, StabilityProbe.boundary(1), 1e-15);
        assertEquals(0.6180339887498949, StabilityProbe.boundary(2), 1e-15);
        assertEquals(0.34729635533386066, StabilityProbe.boundary(4), 1e-15);
        for (int tau : new int[]{0, 1, 2, 4}) {
            double exact = StabilityProbe.boundary(tau);
            double lastStable = Double.NaN;
            double firstUnstable = Double.NaN;
            for (double a = 0.01; a < 2.3; a += 0.02) {
                boolean grows = growth(tau, a) > 0;
                if (!grows && Double.isNaN(firstUnstable)) {
                    lastStable = a;
                } else if (grows && Double.isNaN(firstUnstable)) {
                    firstUnstable = a;
                } else if (!grows) {
                    throw new AssertionError("τ = " + tau + ": ηλ = " + a + " is stable above the measured boundary "
                            + firstUnstable);
                }
            }
            assertEquals(0.02, firstUnstable - lastStable, 1e-9);
            assertTrue(lastStable < exact && exact < firstUnstable, "τ = " + tau + ": exact " + exact
                    + " not in [" + lastStable + ", " + firstUnstable + "]");
        }
    }

    static double growth(int tau, double a) {
        List<SgdReport> reports = new ArrayList<>();
        SgdServer s = SgdSimulation.run(settings(Policy.ASP, tau + 1, 1, a, 20_000, 100, new double[]{1}),
                new QuadraticModel(new double[]{1}, new double[]{0}, 0), reports::add);
        return StabilityProbe.growthRate(reports, s.diverged());
    }

    /** BSP with M workers of batch b is mini-batch SGD of batch M·b (samples (t, j), exact mean) bit for bit. */
    @Test
    void bspEqualsMiniBatchSgdBitForBit() {
        List<SgdModel> models = List.of(new QuadraticModel(new double[]{1, 3}, new double[]{0.5, 2}, 5),
                new RegressionModel(new TeacherNetwork(5, 3, Activation.of(Activation.Kind.TANH), 1, 17),
                        RegressionModel.Loss.SQUARE, 0),
                new RegressionModel(new IsotropicGaussians(6, 0.3, 8), RegressionModel.Loss.LOGISTIC, 0));
        for (SgdModel model : models) {
            int d = model.dimension();
            double[] x0 = new double[d];
            java.util.Arrays.fill(x0, 0.3);
            int m = 4;
            int b = 3;
            double lr = 0.05;
            long versions = 60;
            List<double[]> bsp = new ArrayList<>();
            SgdSimulation.run(settings(Policy.BSP, m, b, lr, versions, 1, x0), model, r -> bsp.add(r.x()));
            // The reference: mini-batch SGD of batch M·b, the mean summed exactly (BigDecimal), rounded once.
            double[] x = x0.clone();
            double[] g = new double[d];
            for (int t = 0; t < versions; t++) {
                BigDecimal[] sum = new BigDecimal[d];
                java.util.Arrays.fill(sum, BigDecimal.ZERO);
                for (int j = 0; j < m * b; j++) {
                    model.gradient(x, t, j, g);
                    for (int c = 0; c < d; c++) {
                        sum[c] = sum[c].add(new BigDecimal(g[c]));
                    }
                }
                double[] next = new double[d];
                for (int c = 0; c < d; c++) {
                    next[c] = x[c] - lr * (sum[c].doubleValue() / (m * b));
                }
                x = next;
                assertArrayEquals(java.util.Arrays.copyOf(x, Math.min(d, SgdReport.COORDINATES)), bsp.get(t),
                        model.describe() + " at version " + (t + 1));
            }
            assertTrue(java.util.Arrays.stream(x).allMatch(Double::isFinite));
        }
    }
}
