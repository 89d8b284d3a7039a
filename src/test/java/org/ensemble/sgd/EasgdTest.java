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
}
