package org.ensemble.observe.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class MfptEstimatorTest {
    @Test
    void uncensoredSmallSampleHasTheStudentTInterval() {
        // 1..5: mean 3, SD √2.5, SE √0.5; t_{0.975, 4} = 2.7764451051977987 (tables).
        MfptEstimate m = MfptEstimator.estimate(Samples.complete(new double[] {1, 2, 3, 4, 5}));
        assertEquals(MfptEstimator.SAMPLE_MEAN, m.method());
        assertEquals(3, m.mfpt(), 1e-15);
        assertEquals(Math.sqrt(0.5), m.standardError(), 1e-15);
        assertEquals(3 - 2.7764451051977987 * Math.sqrt(0.5), m.ciLow(), 1e-12);
        assertEquals(3 + 2.7764451051977987 * Math.sqrt(0.5), m.ciHigh(), 1e-12);
        assertEquals(1.0 / 3, m.rate(), 1e-15);
        assertEquals(1 / m.ciHigh(), m.rateCiLow(), 1e-15);
        assertEquals(1 / m.ciLow(), m.rateCiHigh(), 1e-15);
        assertEquals(0.95, m.confidence());
    }

    @Test
    void uncensoredLargeSampleIsTheSampleMean() {
        double[] t = Samples.exponential(10_000, 3.0, 5);
        MfptEstimate m = MfptEstimator.estimate(Samples.complete(t), 0.95);
        assertEquals(Arrays.stream(t).average().orElseThrow(), m.mfpt(), 1e-12);
        // SE of an exponential mean: τ/√n = 0.03; the estimate lies within 4 SE of τ.
        assertEquals(3.0, m.mfpt(), 4 * 0.03);
        // The sample SD of exponentials ≈ the mean, so the SE ≈ 0.03 to within its own ~2% error (4 SE margin: 10%).
        assertEquals(0.03, m.standardError(), 0.003);
    }

    @Test
    void censoredUsesTheExponentialMleWithClosedFormChiSquareBounds() {
        // One escape at 2 and 3 censored at 10: TTT = 32, k̂ = 1/32. With d = 1 the chi-square quantiles
        // have closed forms: χ²_p(2) = −2 ln(1 − p); χ²_{0.975}(4) = 11.143286781877796.
        EscapeSample s = EscapeSample.of(new double[] {2}, 3, 10);
        MfptEstimate m = MfptEstimator.estimate(s, 0.95);
        assertEquals(MfptEstimator.EXPONENTIAL_MLE, m.method());
        assertEquals(32, m.mfpt(), 1e-12);
        assertEquals(1.0 / 32, m.rate(), 1e-15);
        double kLow = -Math.log(0.975) / 32;
        double kHigh = 11.143286781877796 / 2 / 32;
        assertEquals(kLow, m.rateCiLow(), 1e-12);
        assertEquals(kHigh, m.rateCiHigh(), 1e-12);
        assertEquals(1 / kHigh, m.ciLow(), 1e-9);
        assertEquals(1 / kLow, m.ciHigh(), 1e-6);
        assertEquals(32, m.standardError(), 1e-12); // MFPT/√d
        assertEquals(1, m.escaped());
        assertEquals(3, m.censored());
    }

    @Test
    void censoredMleMatchesCommonsStatisticsQuantilesForManyEscapes() {
        EscapeSample s = Samples.censor(Samples.exponential(1000, 5, 11), 4);
        long d = s.escapedCount();
        double ttt = s.exposure();
        MfptEstimate m = MfptEstimator.estimate(s, 0.90);
        assertEquals(ttt / d, m.mfpt(), 1e-12);
        assertEquals(ChiSquaredDistribution.of(2.0 * d).inverseCumulativeProbability(0.05) / (2 * ttt),
                m.rateCiLow(), 1e-15);
        assertEquals(ChiSquaredDistribution.of(2.0 * d + 2).inverseSurvivalProbability(0.05) / (2 * ttt),
                m.rateCiHigh(), 1e-15);
        // The truth is 5; SE ≈ 5/√d ≈ 0.3 with d ≈ 550: within 4 SE.
        assertEquals(5, m.mfpt(), 4 * m.standardError());
    }

    @Test
    void censoredIntervalCoversAtLeastTheNominalRate() {
        // 200 fixed-seed runs of 500 particles, mean 7, censored at 0.7·7 (≈ 50% censored). The interval is exact
        // for a fixed number of escapes and conservative for a fixed end time, so coverage should be ≥ 95%:
        // Binomial(200, 0.95) has mean 190 and SD 3.1; accept ≥ 181 (3 SD below).
        double tau = 7;
        int covered = 0;
        int rateCovered = 0;
        for (int rep = 0; rep < 200; rep++) {
            MfptEstimate m = MfptEstimator.estimate(Samples.censor(Samples.exponential(500, tau, 1000 + rep),
                    0.7 * tau), 0.95);
            covered += m.ciLow() <= tau && tau <= m.ciHigh() ? 1 : 0;
            rateCovered += m.rateCiLow() <= 1 / tau && 1 / tau <= m.rateCiHigh() ? 1 : 0;
        }
        assertTrue(covered >= 181, "coverage " + covered + "/200");
        assertEquals(covered, rateCovered, "the rate interval is the MFPT interval inverted");
    }

    @Test
    void uncensoredIntervalCoversAtTheNominalRate() {
        // 200 fixed-seed samples of 100 exponentials; the t interval is approximate for skewed data
        // (coverage ≈ 94% at n = 100), so accept 178..199: 95% ± about 3.5 binomial SD, one-sided slack for skew.
        int covered = 0;
        for (int rep = 0; rep < 200; rep++) {
            MfptEstimate m = MfptEstimator.estimate(Samples.complete(Samples.exponential(100, 2, 7000 + rep)));
            covered += m.ciLow() <= 2 && 2 <= m.ciHigh() ? 1 : 0;
        }
        assertTrue(covered >= 178 && covered <= 199, "coverage " + covered + "/200");
    }

    @Test
    void noEscapesGiveALowerBoundOnlyAndNoNaN() {
        // 100 particles censored at 50: TTT = 5000. With d = 0, k ≤ χ²_{0.975}(2)/(2·TTT) = −ln(0.025)/TTT.
        MfptEstimate m = MfptEstimator.estimate(EscapeSample.of(new double[0], 100, 50), 0.95);
        assertTrue(m.lowerBoundOnly());
        assertEquals(MfptEstimator.LOWER_BOUND, m.method());
        assertEquals(5000 / -Math.log(0.025), m.ciLow(), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, m.ciHigh());
        assertEquals(Double.POSITIVE_INFINITY, m.mfpt());
        assertEquals(0, m.rate());
        assertEquals(0, m.rateCiLow());
        assertEquals(-Math.log(0.025) / 5000, m.rateCiHigh(), 1e-15);
        assertEquals(100, m.censored());
        assertNoNaN(m);
    }

    @Test
    void edgeCasesNeverGiveNaN() {
        MfptEstimate empty = MfptEstimator.estimate(EscapeSample.of(new double[0], 0, 0));
        assertEquals(MfptEstimator.NO_DATA, empty.method());
        assertNoNaN(empty);
        MfptEstimate zeroTime = MfptEstimator.estimate(EscapeSample.of(new double[0], 3, 0));
        assertEquals(MfptEstimator.NO_DATA, zeroTime.method());
        assertNoNaN(zeroTime);
        MfptEstimate one = MfptEstimator.estimate(Samples.complete(new double[] {4}));
        assertEquals(MfptEstimator.EXPONENTIAL_MLE, one.method(), "one escape has no sample SD");
        assertEquals(4, one.mfpt(), 0);
        assertNoNaN(one);
        assertNoNaN(MfptEstimator.estimate(Samples.complete(new double[] {0, 0})));
        assertNoNaN(MfptEstimator.estimate(EscapeSample.of(new double[] {0}, 2, 0)));
        assertNoNaN(MfptEstimator.estimate(EscapeSample.of(new double[] {1}, 0, 0)));
        assertFalse(one.lowerBoundOnly());
    }

    @Test
    void delayedEscapesBiasTheWholeRunRateButNotTheLateTail() {
        // t = 2 + Exp(10), censored at 5 (≈ 74% censored): the true mean is 12. Past the delay the hazard
        // is exactly 1/10, which the late-window tail sees. The whole-run exponential MLE counts the
        // escape-free first 2 time units as exposure: E[TTT]/E[d] per particle = (2 + 10(1 − e^{−0.3}))
        // / (1 − e^{−0.3}) ≈ 17.7, far outside its own CI around 12. Both are documented behaviour.
        double[] x = Samples.exponential(20_000, 10, 31);
        for (int i = 0; i < x.length; i++) {
            x[i] += 2;
        }
        EscapeSample s = Samples.censor(x, 5);
        MfptEstimate tail = MfptEstimator.restrictedMeanWithTail(s, 0.95);
        assertEquals(MfptEstimator.KM_TAIL, tail.method());
        assertEquals(12, tail.mfpt(), 4 * tail.standardError(), "estimate " + tail.mfpt() + " ± "
                + tail.standardError());
        assertTrue(tail.standardError() < 0.5, "SE " + tail.standardError());
        MfptEstimate mle = MfptEstimator.estimate(s, 0.95);
        double expected = (2 + 10 * (1 - Math.exp(-0.3))) / (1 - Math.exp(-0.3));
        // SE ≈ 17.7/√5200 ≈ 0.25: 4 SE.
        assertEquals(expected, mle.mfpt(), 4 * mle.standardError());
        assertTrue(mle.ciLow() > 12, "the whole-run MLE excludes the true mean under a delay: " + mle);
    }

    @Test
    void badArgumentsAreRejected() {
        EscapeSample censored = EscapeSample.of(new double[] {1, 2}, 1, 3);
        assertThrows(IllegalArgumentException.class, () -> MfptEstimator.sampleMean(censored, 0.95));
        assertThrows(IllegalArgumentException.class, () -> MfptEstimator.sampleMean(Samples.complete(new double[] {1}),
                0.95));
        assertThrows(IllegalArgumentException.class, () -> MfptEstimator.estimate(censored, 1.0));
        assertThrows(IllegalArgumentException.class, () -> MfptEstimator.estimate(censored, Double.NaN));
    }

    static void assertNoNaN(MfptEstimate m) {
        double[] v = {m.mfpt(), m.ciLow(), m.ciHigh(), m.standardError(), m.rate(), m.rateCiLow(), m.rateCiHigh()};
        for (double x : v) {
            assertFalse(Double.isNaN(x), m.toString());
        }
        assertTrue(m.ciLow() <= m.ciHigh() && m.rateCiLow() <= m.rateCiHigh(), m.toString());
    }

    @org.junit.jupiter.api.Test
    void runsUseTheLateTailEstimatorWhenCensoredAndSurviveADelayedStart() {
        // t = 2 + Exp(10) censored at 5 (≈ 74% censored): true mean 12. The run's estimator finds it;
        // the whole-run exponential MLE (the library default) gives about 17.7.
        double[] x = Samples.exponential(20_000, 10, 31);
        boolean[] e = new boolean[x.length];
        double[] t = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            e[i] = 2 + x[i] <= 5;
            t[i] = Math.min(2 + x[i], 5);
        }
        EscapeSample s = new EscapeSample(t, e);
        MfptEstimate run = MfptEstimator.forEscapeRun(s, 0.95);
        assertEquals(MfptEstimator.KM_TAIL, run.method());
        // 4 SE: a false alarm about once in 16,000 (a 95% CI would miss one seed in twenty).
        assertEquals(12, run.mfpt(), 4 * run.standardError(), "estimate " + run.mfpt() + " ± " + run.standardError());
        assertEquals(MfptEstimator.SAMPLE_MEAN,
                MfptEstimator.forEscapeRun(Samples.complete(new double[] {1, 2, 3}), 0.95).method());
        assertEquals(MfptEstimator.LOWER_BOUND,
                MfptEstimator.forEscapeRun(EscapeSample.of(new double[0], 10, 5), 0.95).method());
    }
}
