package org.ensemble.observe.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class EscapeStatisticsTest {
    static double[] exponential(int n, double mean, long seed) {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = -mean * Math.log(1 - r.nextDouble());
        }
        return t;
    }

    @Test
    void kaplanMeierWithoutCensoringIsTheEmpiricalSurvival() {
        EscapeSample s = EscapeSample.of(new double[] {1, 2, 2, 5}, 0, 10);
        KaplanMeier km = KaplanMeier.fit(s, 0.95);
        assertEquals(0.75, km.at(1.5), 1e-15);
        assertEquals(0.25, km.at(2), 1e-15);
        assertEquals(0.0, km.at(5), 1e-15);
        // ∫ S = 1·1 + 0.75·1 + 0.25·3 = 2.5 = the sample mean.
        assertEquals(2.5, km.restrictedMean(10), 1e-15);
    }

    @Test
    void kaplanMeierHandlesCensoring() {
        // Classic example: times 1, 2+, 3, censored ones leave the risk set without a jump.
        EscapeSample s = new EscapeSample(new double[] {1, 2, 3}, new boolean[] {true, false, true});
        KaplanMeier km = KaplanMeier.fit(s, 0.95);
        assertEquals(2.0 / 3, km.at(1), 1e-15);
        assertEquals(0.0, km.at(3), 1e-15);
        assertEquals(1, km.atRisk()[1]);
    }

    @Test
    void mfptCoversTheTruthAtTheNominalRate() {
        // 200 fixed-seed replicates of 500 exponential times, 30% censored at t = 0.357·τ·… :
        // the 95% CI should cover τ in about 190 of 200 (binomial SD ≈ 3.1); accept 180..199.
        double tau = 7.0;
        double censorAt = 2.5 * tau;
        int covered = 0;
        for (int rep = 0; rep < 200; rep++) {
            double[] t = exponential(500, tau, 1000 + rep);
            boolean[] e = new boolean[t.length];
            for (int i = 0; i < t.length; i++) {
                e[i] = t[i] <= censorAt;
                t[i] = Math.min(t[i], censorAt);
            }
            MfptEstimate m = MfptEstimator.estimate(new EscapeSample(t, e), 0.95);
            if (m.ciLow() <= tau && tau <= m.ciHigh()) {
                covered++;
            }
        }
        assertTrue(covered >= 180 && covered <= 199, "coverage " + covered + "/200");
    }

    @Test
    void heavyCensoringAfterADelayUsesTheLateRate() {
        // t = 2 + Exp(10), censored at 5 (≈ 74% censored): the true mean is 12. Past the delay the
        // hazard is exactly 1/10, which the late-window rate sees; a whole-run rate would count the
        // escape-free first 2 time units and overshoot the mean by ~20%.
        double[] x = exponential(20_000, 10, 31);
        boolean[] e = new boolean[x.length];
        double[] t = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = 2 + x[i];
            e[i] = v <= 5;
            t[i] = Math.min(v, 5);
        }
        MfptEstimate m = MfptEstimator.estimate(new EscapeSample(t, e), 0.95);
        assertEquals(12, m.mfpt(), 4 * m.standardError(), "estimate " + m.mfpt() + " ± " + m.standardError());
        assertTrue(m.standardError() < 0.5, "SE " + m.standardError());
    }

    @Test
    void uncensoredMfptIsTheSampleMean() {
        double[] t = exponential(10_000, 3.0, 5);
        MfptEstimate m = MfptEstimator.estimate(EscapeSample.of(t, 0, 100), 0.95);
        double mean = java.util.Arrays.stream(t).average().orElseThrow();
        assertEquals(mean, m.mfpt(), 1e-12);
        assertEquals("sample-mean", m.method());
        // SE of an exponential mean: τ/√n = 0.03; 4 SE.
        assertEquals(3.0, m.mfpt(), 4 * 0.03);
        assertEquals(1 / m.mfpt(), m.rate(), 1e-15);
    }

    @Test
    void noEscapesGiveALowerBoundOnly() {
        MfptEstimate m = MfptEstimator.estimate(EscapeSample.of(new double[0], 100, 50), 0.95);
        assertTrue(Double.isNaN(m.mfpt()));
        assertEquals(50, m.ciLow());
        assertEquals(Double.POSITIVE_INFINITY, m.ciHigh());
        assertEquals("lower-bound", m.method());
    }

    @Test
    void exponentialityIsNotRejectedForExponentialsAndIsForGamma() {
        double[] t = exponential(2000, 4.0, 77);
        ExponentialityResult ok = ExponentialityTest.test(EscapeSample.of(t, 0, 100), 0.05, 199, 1);
        // Reference bound for a calibrated test at 99%: D ≤ 1.32/√n (plus nothing: data are exponential).
        assertTrue(ok.statistic() < 1.32 / Math.sqrt(2000), "D = " + ok.statistic());
        assertFalse(ok.rejected(), "p = " + ok.pValue());
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(78);
        double[] gamma = new double[2000];
        for (int i = 0; i < gamma.length; i++) {
            gamma[i] = -Math.log(1 - r.nextDouble()) - Math.log(1 - r.nextDouble());
        }
        ExponentialityResult bad = ExponentialityTest.test(EscapeSample.of(gamma, 0, 100), 0.05, 199, 1);
        assertTrue(bad.rejected(), "gamma(2) must be rejected, p = " + bad.pValue());
        assertTrue(bad.modified() > 1.094, "Stephens' statistic beyond its 5% point: " + bad.modified());
    }

    @Test
    void calibratedSizeIsNearNominal() {
        // 100 exponential samples of 200, 99 bootstrap replicates each: rejections at 5% ~ Binomial(100, 0.05),
        // mean 5, SD 2.2; accept 0..12 (a plain KS table with the estimated mean would reject almost never).
        int rejected = 0;
        for (int rep = 0; rep < 100; rep++) {
            if (ExponentialityTest.test(EscapeSample.of(exponential(200, 1, 500 + rep), 0, 100), 0.05, 99, rep)
                    .rejected()) {
                rejected++;
            }
        }
        assertTrue(rejected <= 12, "rejected " + rejected + " of 100 exponential samples");
        assertTrue(rejected >= 1, "a calibrated 5% test should reject some of 100 samples, rejected " + rejected);
    }

    @Test
    void arrheniusFitRecoversTheBarrier() {
        double[] beta = {2, 3, 4, 5};
        double[] lnk = new double[4];
        double[] se = {0.02, 0.02, 0.03, 0.04};
        for (int i = 0; i < 4; i++) {
            lnk[i] = Math.log(0.3) - 1.25 * beta[i];
        }
        ArrheniusFitResult exact = ArrheniusFit.fit(beta, lnk, se, 0.95);
        assertEquals(1.25, exact.barrier(), 1e-12);
        assertEquals(Math.log(0.3), exact.lnPrefactor(), 1e-12);
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(9);
        int covered = 0;
        for (int rep = 0; rep < 200; rep++) {
            double[] noisy = new double[4];
            for (int i = 0; i < 4; i++) {
                double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
                noisy[i] = lnk[i] + se[i] * g;
            }
            ArrheniusFitResult f = ArrheniusFit.fit(beta, noisy, se, 0.95);
            covered += f.barrierCiLow() <= 1.25 && 1.25 <= f.barrierCiHigh() ? 1 : 0;
        }
        // Birge-ratio inflation makes the CI conservative: coverage ≥ 95% − 3 binomial SD.
        assertTrue(covered >= 180, "coverage " + covered + "/200");
        assertThrows(IllegalArgumentException.class, () -> ArrheniusFit.fit(new double[] {1}, new double[] {1},
                new double[] {1}, 0.95));
    }
}
