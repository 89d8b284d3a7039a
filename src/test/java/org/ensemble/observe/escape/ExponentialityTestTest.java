package org.ensemble.observe.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExponentialityTestTest {
    /*
     * Size checks: 200 fixed-seed null samples, rejections ~ Binomial(200, 0.05): mean 10, SD 3.08.
     * Accept 1..19 (≈ ±3 SD). A miscalibrated test fails it: the plain KS table with the mean
     * estimated rejects about 0 of 200, and a test that ignored censoring far more than 19.
     */
    static final int REPLICATE_SAMPLES = 200;
    static final int MIN_REJECTIONS = 1;
    static final int MAX_REJECTIONS = 19;

    @Test
    void distanceOfATinySampleByHand() {
        // {1, 2, 3}: k̂ = 1/2. The largest gap is just below t = 1: F(1) − 0 = 1 − e^{−1/2}.
        EscapeSample s = Samples.complete(new double[] {1, 2, 3});
        double d = ExponentialityTest.distance(SortedEscapes.of(s.timesView(), s.escapedView(), null));
        assertEquals(1 - Math.exp(-0.5), d, 1e-15);
        // Censored: one escape at 1 and 3 censored at 10, k̂ = 1/31; KM drops to 3/4 at t = 1.
        EscapeSample c = EscapeSample.of(new double[] {1}, 3, 10);
        double dc = ExponentialityTest.distance(SortedEscapes.of(c.timesView(), c.escapedView(), null));
        assertEquals(Math.exp(-1.0 / 31) - 0.75, dc, 1e-15);
    }

    @Test
    void exponentialSampleIsNotRejected() {
        int n = 2000;
        EscapeSample s = Samples.complete(Samples.exponential(n, 4.0, 77));
        ExponentialityResult boot = ExponentialityTest.test(s, 0.05, 199, 1);
        ExponentialityResult table = ExponentialityTest.stephens(s, 0.05);
        // Reference bound: exponential data give D ≤ 1.32/√n at 99% (the estimated-mean KS point, Stephens 1%
        // = 1.308 on the modified scale); nothing to add for exactly exponential data.
        assertTrue(boot.statistic() <= 1.32 / Math.sqrt(n), "D = " + boot.statistic());
        assertFalse(boot.rejected(), "p = " + boot.pValue());
        assertFalse(table.rejected(), "modified D = " + table.modified());
        assertEquals(boot.statistic(), table.statistic(), 0);
        assertEquals(ExponentialityTest.BOOTSTRAP, boot.method());
        assertEquals(ExponentialityTest.STEPHENS, table.method());
        assertEquals(1.094, table.criticalValue(), 0);
        assertEquals(n, boot.n());
        assertTrue(boot.statistic() < boot.criticalValue());
    }

    @Test
    void gammaAndUniformSamplesAreRejected() {
        // n = 500 is far more than needed: gamma(2) and uniform differ from the fitted exponential by D ≈ 0.1,
        // ~ 2.3× the 5% point 1.094/√500 ≈ 0.049.
        for (double[] t : new double[][] {Samples.gamma2(500, 1, 78), Samples.uniform(500, 1, 79)}) {
            EscapeSample s = Samples.complete(t);
            ExponentialityResult boot = ExponentialityTest.test(s, 0.05, 199, 1);
            assertTrue(boot.rejected(), "p = " + boot.pValue());
            assertEquals(1.0 / 200, boot.pValue(), 0, "no replicate reaches D");
            ExponentialityResult table = ExponentialityTest.stephens(s, 0.01);
            assertTrue(table.rejected(), "modified D = " + table.modified());
        }
    }

    @Test
    void stephensTableHasNominalSize() {
        int rejected = 0;
        for (int rep = 0; rep < REPLICATE_SAMPLES; rep++) {
            rejected += ExponentialityTest.stephens(Samples.complete(Samples.exponential(50, 1, 500 + rep)), 0.05)
                    .rejected() ? 1 : 0;
        }
        assertTrue(rejected >= MIN_REJECTIONS && rejected <= MAX_REJECTIONS, "rejected " + rejected + "/200");
    }

    @Test
    void bootstrapHasNominalSize() {
        // B = 99 and level 5%: (B + 1)·0.05 is an integer, so the Monte Carlo test's size is exactly 5%.
        int rejected = 0;
        for (int rep = 0; rep < REPLICATE_SAMPLES; rep++) {
            rejected += ExponentialityTest.test(Samples.complete(Samples.exponential(100, 1, 900 + rep)), 0.05, 99,
                    rep).rejected() ? 1 : 0;
        }
        assertTrue(rejected >= MIN_REJECTIONS && rejected <= MAX_REJECTIONS, "rejected " + rejected + "/200");
    }

    @Test
    void censoredBootstrapHasNominalSize() {
        // Exponential (mean 1) censored at 0.5: ≈ 61% censored, as in a short run. Replicates that ignored the
        // censoring would compare D on [0, 0.5] with complete-sample D's and reject 0 of 200 (seen), failing.
        int rejected = 0;
        for (int rep = 0; rep < REPLICATE_SAMPLES; rep++) {
            ExponentialityResult r = ExponentialityTest.test(
                    Samples.censor(Samples.exponential(150, 1, 1300 + rep), 0.5), 0.05, 99, rep);
            assertEquals(ExponentialityTest.BOOTSTRAP_CENSORED, r.method());
            rejected += r.rejected() ? 1 : 0;
        }
        assertTrue(rejected >= MIN_REJECTIONS && rejected <= MAX_REJECTIONS, "rejected " + rejected + "/200");
    }

    @Test
    void censoredGammaIsRejectedAndCensoredExponentialIsNot() {
        // Gamma(2, scale 1) censored at 3 (≈ 20% censored): its hazard rises from 0, so the KM curve bends away
        // from any exponential on [0, 3].
        ExponentialityResult gamma = ExponentialityTest.test(Samples.censor(Samples.gamma2(1000, 1, 81), 3), 0.05,
                199, 2);
        assertTrue(gamma.rejected(), "p = " + gamma.pValue() + ", D = " + gamma.statistic());
        assertTrue(Double.isNaN(gamma.modified()), "Stephens' table does not apply under censoring");
        ExponentialityResult expo = ExponentialityTest.test(Samples.censor(Samples.exponential(1000, 2, 82), 3), 0.05,
                199, 2);
        assertFalse(expo.rejected(), "p = " + expo.pValue());
    }

    @Test
    void sameSeedSameResult() {
        EscapeSample s = Samples.censor(Samples.exponential(300, 1, 5), 1);
        assertEquals(ExponentialityTest.test(s, 0.05, 99, 42), ExponentialityTest.test(s, 0.05, 99, 42));
    }

    @Test
    void tooFewEscapesAndBadArguments() {
        ExponentialityResult r = ExponentialityTest.test(EscapeSample.of(new double[] {1}, 5, 10), 0.05, 99, 1);
        assertEquals(ExponentialityTest.INSUFFICIENT, r.method());
        assertFalse(r.rejected());
        EscapeSample s = Samples.complete(new double[] {1, 2, 3});
        assertThrows(IllegalArgumentException.class, () -> ExponentialityTest.stephens(s, 0.07));
        assertThrows(IllegalArgumentException.class,
                () -> ExponentialityTest.stephens(EscapeSample.of(new double[] {1, 2}, 1, 3), 0.05));
        assertThrows(IllegalArgumentException.class, () -> ExponentialityTest.test(s, 0, 99, 1));
        assertThrows(IllegalArgumentException.class, () -> ExponentialityTest.test(s, 0.05, 0, 1));
    }
}
