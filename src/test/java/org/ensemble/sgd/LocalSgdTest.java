package org.ensemble.sgd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.observe.TimeAverage;
import org.junit.jupiter.api.Test;

/** Local SGD / periodic averaging: one worker is plain SGD; M workers meet the quadratic's closed form. */
class LocalSgdTest {
    private static SgdSettings local(int workers, int h, int batch, double lr, long rounds, long every) {
        return new SgdSettings(Policy.BSP, workers, 0, batch, DelayModel.fixed(), Algorithm.LOCAL_SGD, lr, 0, 0, rounds,
                every, new double[]{1, -1}, h, 0);
    }

    @Test
    void oneWorkerWithHLocalStepsIsPlainSgdBitForBit() {
        QuadraticModel q = new QuadraticModel(new double[]{1, 2}, new double[]{0.7, 0.3}, 9);
        int h = 5;
        List<double[]> rounds = new ArrayList<>();
        SgdSimulation.run(local(1, h, 2, 0.1, 40, 1), q, r -> rounds.add(r.x()));
        List<double[]> plain = new ArrayList<>();
        SgdSimulation.run(new SgdSettings(Policy.BSP, 1, 0, 2, DelayModel.fixed(), Algorithm.SGD, 0.1, 0, 0, 40 * h, h,
                new double[]{1, -1}), q, r -> plain.add(r.x()));
        assertEquals(plain.size(), rounds.size());
        for (int i = 0; i < rounds.size(); i++) {
            assertArrayEquals(plain.get(i), rounds.get(i), "round " + (i + 1));
        }
    }

    /**
     * M workers, H local steps from the server's x, then their mean: V = a^{2H}V + η²σ²(1 − a^{2H})/(M(1 − a²))
     * with a = 1 − ηλ, so Var∞ = ησ²/(Mλ(2 − ηλ)) per coordinate, as mini-batch SGD of batch M (3 SE).
     */
    @Test
    void stationaryVarianceOfLocalSgdMatchesTheClosedForm() {
        double lr = 0.3;
        QuadraticModel q = new QuadraticModel(new double[]{1, 2}, new double[]{1, 0.5}, 21);
        List<Double> means = new ArrayList<>();
        SgdSimulation.run(local(4, 4, 1, lr, 60_000, 50), q, r -> {
            if (r.version() > 500) {
                means.add(r.windowSquaredError());
            }
        });
        TimeAverage avg = TimeAverage.of(means);
        double exact = q.stationarySquaredError(lr, 4);
        assertTrue(Math.abs(avg.mean() - exact) < 3 * avg.standardError(), String.format("measured %.5f ± %.5f,"
                + " exact %.5f", avg.mean(), avg.standardError(), exact));
        assertTrue(avg.standardError() < 0.03 * exact, "SE " + avg.standardError());
    }
}
