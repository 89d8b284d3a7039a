package org.ensemble.observe.escape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The run-shaped sample (escapes + a count censored at the end) gives exactly the per-particle
 * sample's estimates: MFPT with its bootstrap CI, Kaplan–Meier, and the exponentiality
 * bootstrap, compared as bits. Cases cover no, one and a few escapes, ties on a step grid,
 * nobody censored, and tiny samples whose bootstrap resamples often draw no censored particle
 * (the streamed bootstrap then replays the resample).
 */
class EndCensoredSampleTest {

    static EndCensoredSample sample(int escapes, long censored, double end, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double dt = end / 400;
        double[] t = new double[escapes];
        for (int i = 0; i < escapes; i++) {
            // Exponential escape times on a step grid (ties), kept inside the run.
            double x = -Math.log(1 - rnd.nextDouble()) * end / 2;
            t[i] = Math.min(400, Math.ceil(x / dt)) * dt;
        }
        return new EndCensoredSample(t, censored, end);
    }

    @Test
    void estimatesAreThePerParticleSamplesBitForBit() {
        int[][] cases = {{0, 50}, {1, 50}, {2, 3}, {5, 1}, {19, 1}, {40, 0}, {300, 1700}, {1500, 500}, {2000, 0}};
        for (int[] c : cases) {
            EndCensoredSample compact = sample(c[0], c[1], 3.0, c[0] * 31L + c[1]);
            EscapeSample full = compact.toSample();
            String what = c[0] + " escapes, " + c[1] + " censored";
            assertEquals(full.exposure(), compact.exposure(), 0.0, what);
            assertEquals(MfptEstimator.forEscapeRun(full, 0.95), MfptEstimator.forEscapeRun(compact, 0.95), what);
            if (c[0] > 0 || c[1] > 0) {
                KaplanMeier a = KaplanMeier.fit(full, 0.95);
                KaplanMeier b = KaplanMeier.fit(compact, 0.95);
                assertArrayEquals(a.times(), b.times(), what);
                assertArrayEquals(a.survival(), b.survival(), what);
                assertArrayEquals(a.lower(), b.lower(), what);
                assertArrayEquals(a.upper(), b.upper(), what);
                assertArrayEquals(a.atRisk(), b.atRisk(), what);
                assertArrayEquals(a.greenwoodSum(), b.greenwoodSum(), what);
                assertEquals(a.horizon(), b.horizon(), 0.0, what);
            }
            assertEquals(ExponentialityTest.test(full, 0.05, 49, 0x5EEDL),
                    ExponentialityTest.test(compact, 0.05, 49, 0x5EEDL), what);
        }
    }

    @Test
    void theUniformThresholdIsTheLastOneInside() {
        double rate = 0.37;
        double t = 2.5;
        double u = ExponentialityTest.largestUniformInside(rate, t);
        assertTrue(-Math.log(1 - u) / rate <= t);
        assertTrue(-Math.log(1 - (u + 0x1.0p-53)) / rate > t);
        // Closed form: u* = 1 − e^{−rate·t}, to rounding.
        assertEquals(1 - Math.exp(-rate * t), u, 1e-15);
    }

    @Test
    void escapesAfterTheEndAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EndCensoredSample(new double[] {1.5}, 3, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new EndCensoredSample(new double[] {0.5}, -1, 1.0));
    }
}
