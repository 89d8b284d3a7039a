package org.ensemble.sgd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EASGD's update order, against the recursion written out by hand. */
class EasgdTest {
    /**
     * One worker, noise-free quadratic: per round the center moves by α(x₁ − x̃) and the worker by
     * −α(x₁ − x̃) (both from the values before), then the worker takes H steps x ← x − η h x. The
     * server's center equals this recursion bit for bit.
     */
    @Test
    void oneWorkerFollowsTheElasticRecursionBitForBit() {
        double[] h = {1, 3};
        double lr = 0.1;
        double alpha = 0.3;
        int steps = 3;
        SgdSettings s = new SgdSettings(Policy.BSP, 1, 0, 1, DelayModel.fixed(), Algorithm.EASGD, lr, 0, 0, 200, 1,
                new double[]{2, -1}, steps, alpha);
        List<double[]> centers = new ArrayList<>();
        SgdSimulation.run(s, new QuadraticModel(h, new double[]{0, 0}, 1), r -> centers.add(r.x()));
        double[] center = {2, -1};
        double[] worker = {2, -1};
        for (int round = 0; round < 200; round++) {
            double[] nextCenter = new double[2];
            for (int c = 0; c < 2; c++) {
                nextCenter[c] = center[c] + alpha * (worker[c] - 1 * center[c]);
                double x = worker[c] - alpha * (worker[c] - center[c]);
                for (int k = 0; k < steps; k++) {
                    x = x - lr * (h[c] * x / 1);
                }
                worker[c] = x;
            }
            center = nextCenter;
            assertArrayEquals(center, centers.get(round), "round " + (round + 1));
        }
        // Slowest mode (h = 1): eigenvalue 0.878 of [[a(1−α), aα], [α, 1−α]], a = 0.9³; 0.878²⁰⁰·2 ≈ 1e-11.
        assertTrue(Math.abs(center[0]) < 1e-9 && Math.abs(center[1]) < 1e-9, "the center converges to 0: "
                + center[0] + ", " + center[1]);
    }

    @Test
    void theCenterIsPulledByEveryWorker() {
        // Noise-free, M = 4: all workers equal, so the center moves by Mα(x − x̃) per round and converges.
        SgdSettings s = new SgdSettings(Policy.BSP, 4, 0, 1, DelayModel.fixed(), Algorithm.EASGD, 0.1, 0, 0, 200, 200,
                new double[]{1}, 2, 0.2);
        List<SgdReport> last = new ArrayList<>();
        SgdSimulation.run(s, new QuadraticModel(new double[]{1}, new double[]{0}, 1), last::add);
        assertEquals(1, last.size());
        assertTrue(Math.abs(last.get(0).x()[0]) < 1e-6, "center " + last.get(0).x()[0]);
    }

    /**
     * The closed form (EasgdStationaryVariance: the (mean, center) recursion's discrete Lyapunov
     * equation) reduces to SGD's ησ²/(bλ(2 − ηλ)) at M = 1, α = 1, H = 1, and equals P = A P Aᵀ + Q
     * iterated to its fixed point (a different computation of the same thing).
     */
    @Test
    void theClosedFormReducesToSgdAndIsTheLyapunovFixedPoint() {
        assertEquals(0.75 * 1.69 / (2 * 3 * (2 - 1.5)), EasgdStationaryVariance.ofCenter(2, 1.3, 3, 0.75, 1, 1, 1),
                1e-14);
        double lambda = 2;
        double sigma = 1.5;
        int b = 2;
        double lr = 0.3;
        int m = 8;
        double alpha = 0.05;
        int h = 4;
        double a = 1 - lr * lambda;
        double beta = Math.pow(a, h);
        double q = lr * lr * sigma * sigma / b * (1 - Math.pow(a, 2 * h)) / (1 - a * a) / m;
        double[][] am = {{beta * (1 - alpha), beta * alpha}, {m * alpha, 1 - m * alpha}};
        double pmm = 0;
        double pmc = 0;
        double pcc = 0;
        for (int it = 0; it < 100_000; it++) {
            double nmm = am[0][0] * am[0][0] * pmm + 2 * am[0][0] * am[0][1] * pmc + am[0][1] * am[0][1] * pcc + q;
            double nmc = am[0][0] * am[1][0] * pmm + (am[0][0] * am[1][1] + am[0][1] * am[1][0]) * pmc
                    + am[0][1] * am[1][1] * pcc;
            double ncc = am[1][0] * am[1][0] * pmm + 2 * am[1][0] * am[1][1] * pmc + am[1][1] * am[1][1] * pcc;
            pmm = nmm;
            pmc = nmc;
            pcc = ncc;
        }
        assertEquals(pcc, EasgdStationaryVariance.ofCenter(lambda, sigma, b, lr, m, alpha, h), 1e-12 * pcc);
        assertEquals(Double.POSITIVE_INFINITY, EasgdStationaryVariance.ofCenter(1, 1, 1, 0.1, 4, 0.6, 1),
                "Mα = 2.4: the center overshoots and diverges");
    }

    /**
     * The measured stationary variance of the center matches the closed form within 3 SE at three
     * points: (M, α, H, η, λ, σ, b) = (4, 0.1, 2, 0.1, 1, 1, 1), (8, 0.05, 4, 0.3, 2, 1.5, 2) and
     * (2, 0.3, 3, 0.75, 2, 1, 1) (ηλ = 1.5: local steps that overshoot). Batch means of the center's x²
     * over 50 rounds (the slowest mode decays as 0.86 per round, so batches are nearly independent),
     * their time average with an integrated-autocorrelation SE (TimeAverage); burn-in 1000 rounds from
     * x = 0 (the stationary mean). The SE must be below 3% of the value so the check has power.
     */
    @Test
    void theCentersStationaryVarianceMatchesTheClosedForm() {
        double[][] points = {{4, 0.1, 2, 0.1, 1, 1, 1, 100_000}, {8, 0.05, 4, 0.3, 2, 1.5, 2, 40_000},
            {2, 0.3, 3, 0.75, 2, 1, 1, 60_000}};
        for (double[] pt : points) {
            int m = (int) pt[0];
            double alpha = pt[1];
            int h = (int) pt[2];
            double lr = pt[3];
            double lambda = pt[4];
            double sigma = pt[5];
            int b = (int) pt[6];
            long rounds = (long) pt[7];
            SgdSettings s = new SgdSettings(Policy.BSP, m, 0, b, DelayModel.fixed(), Algorithm.EASGD, lr, 0, 0, rounds,
                    50, new double[]{0}, h, alpha);
            List<Double> means = new ArrayList<>();
            SgdSimulation.run(s, new QuadraticModel(new double[]{lambda}, new double[]{sigma}, 21), r -> {
                if (r.version() > 1_000) {
                    means.add(r.windowSquaredError());
                }
            });
            org.ensemble.observe.TimeAverage avg = org.ensemble.observe.TimeAverage.of(means);
            double exact = EasgdStationaryVariance.ofCenter(lambda, sigma, b, lr, m, alpha, h);
            String what = String.format("M = %d, α = %.2f, H = %d, ηλ = %.2f: measured %.6f ± %.6f, exact %.6f", m,
                    alpha, h, lr * lambda, avg.mean(), avg.standardError(), exact);
            System.out.println("EASGD " + what + ", z = " + (avg.mean() - exact) / avg.standardError());
            assertTrue(Math.abs(avg.mean() - exact) < 3 * avg.standardError(), what);
            assertTrue(avg.standardError() < 0.03 * exact, "SE too large to test: " + what);
        }
    }
}
