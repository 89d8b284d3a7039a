package org.ensemble.observe.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

class ArrheniusFitTest {
    static final double[] BETA = {2, 3, 4, 5};
    static final double BARRIER = 1.25;
    static final double PREFACTOR = 0.3;

    static double lnK(double beta) {
        return Math.log(PREFACTOR) - BARRIER * beta;
    }

    @Test
    void exactDataGiveTheExactBarrier() {
        double[] y = new double[BETA.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = lnK(BETA[i]);
        }
        ArrheniusFitResult f = ArrheniusFit.fit(BETA, y, new double[] {0.02, 0.02, 0.03, 0.04});
        assertEquals(BARRIER, f.barrier(), 1e-12);
        assertEquals(Math.log(PREFACTOR), f.lnPrefactor(), 1e-12);
        assertEquals(PREFACTOR, f.prefactor(), 1e-12);
        assertEquals(0, f.chi2(), 1e-20);
        assertEquals(2, f.dof());
        assertEquals(ArrheniusFit.WLS_T, f.method());
    }

    @Test
    void equalWeightsReproduceOrdinaryRegression() {
        // With equal SEs, WLS with the covariance scaled by χ²/dof is ordinary least squares, whatever the SE.
        double[] y = {-2.1, -3.5, -4.6, -6.2, -7.3};
        double[] b = {2, 3, 4, 5, 6};
        SimpleRegression ols = new SimpleRegression();
        for (int i = 0; i < b.length; i++) {
            ols.addData(b[i], y[i]);
        }
        ArrheniusFitResult f = ArrheniusFit.fit(b, y, new double[] {0.7, 0.7, 0.7, 0.7, 0.7}, 0.95);
        assertEquals(-ols.getSlope(), f.barrier(), 1e-12);
        assertEquals(ols.getSlopeStdErr(), f.barrierSe(), 1e-12);
        assertEquals(ols.getIntercept(), f.lnPrefactor(), 1e-12);
        assertEquals(ols.getInterceptStdErr(), f.lnPrefactorSe(), 1e-12);
        // commons-math's half-width uses the same t_{n−2} quantile.
        assertEquals(ols.getSlopeConfidenceInterval(0.05), f.barrierCiHigh() - f.barrier(), 1e-9);
        assertEquals(f.prefactor() * f.lnPrefactorSe(), f.prefactorSe(), 1e-15);
    }

    @Test
    void twoPointsUseTheInputErrorsAndANormalQuantile() {
        // Slope through two points: SE = √(se₁² + se₂²)/|β₂ − β₁|.
        ArrheniusFitResult f = ArrheniusFit.fit(new double[] {2, 4}, new double[] {lnK(2), lnK(4)},
                new double[] {0.03, 0.04}, 0.95);
        assertEquals(ArrheniusFit.WLS_TWO_POINTS, f.method());
        assertEquals(BARRIER, f.barrier(), 1e-12);
        assertEquals(0.05 / 2, f.barrierSe(), 1e-15);
        assertEquals(1.959963984540054 * 0.025, f.barrierCiHigh() - f.barrier(), 1e-12);
        assertTrue(Double.isNaN(f.chi2PerDof()));
        assertEquals(1, f.seScale());
    }

    @Test
    void intervalCoversTheBarrierAtTheNominalRate() {
        // 200 fixed-seed noisy data sets, Gaussian errors of the stated SEs. The t interval is exact for
        // Gaussian errors, so coverage ~ Binomial(200, 0.95): mean 190, SD 3.1; accept 181..199. A z interval
        // with the scaled SE (dof = 2) would cover only ~84% and fail; one that is much too wide would hit 200.
        double[] se = {0.02, 0.02, 0.03, 0.04};
        UniformRandomProvider r = Samples.rng(9);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(r);
        int covered = 0;
        for (int rep = 0; rep < 200; rep++) {
            double[] y = new double[BETA.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = lnK(BETA[i]) + se[i] * g.sample();
            }
            ArrheniusFitResult f = ArrheniusFit.fit(BETA, y, se, 0.95);
            covered += f.barrierCiLow() <= BARRIER && BARRIER <= f.barrierCiHigh() ? 1 : 0;
        }
        assertTrue(covered >= 181 && covered <= 199, "coverage " + covered + "/200");
    }

    @Test
    void barrierFromSimulatedEscapeTimesLiesInItsInterval() {
        // End to end: at each β, 2000 exponential escape times with MFPT = e^{ΔV β}/A, all censored at a common
        // T = 60 (≈ 23% censored at β = 2, ≈ 97% at β = 5), through the MFPT estimator, then the fit.
        double tEnd = 60;
        List<MfptEstimate> estimates = new ArrayList<>();
        for (int i = 0; i < BETA.length; i++) {
            double mfpt = Math.exp(-lnK(BETA[i]));
            estimates.add(MfptEstimator.estimate(Samples.censor(Samples.exponential(2000, mfpt, 300 + i), tEnd)));
        }
        ArrheniusFitResult f = ArrheniusFit.fromMfpt(BETA, estimates, 0.95);
        assertTrue(f.barrierCiLow() <= BARRIER && BARRIER <= f.barrierCiHigh(), f.toString());
        // SE(ln k) = 1/√d runs from 0.025 (d ≈ 1560) to 0.12 (d ≈ 70); propagated through the fit the barrier's
        // SE from these alone is ≈ 0.025, so 0.1 is 4 SE.
        assertEquals(BARRIER, f.barrier(), 0.1, f.toString());
    }

    @Test
    void badInputIsRejectedClearly() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> ArrheniusFit.fit(new double[] {1}, new double[] {1}, new double[] {1}, 0.95));
        assertTrue(one.getMessage().contains("at least 2"), one.getMessage());
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> ArrheniusFit.fit(new double[] {2, 2}, new double[] {1, 2}, new double[] {1, 1}, 0.95));
        assertTrue(same.getMessage().contains("distinct"), same.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ArrheniusFit.fit(new double[] {2, 3}, new double[] {1, 2}, new double[] {1, 0}, 0.95));
        assertThrows(IllegalArgumentException.class,
                () -> ArrheniusFit.fit(new double[] {2, 3}, new double[] {1, Double.NaN}, new double[] {1, 1}, 0.95));
        assertThrows(IllegalArgumentException.class,
                () -> ArrheniusFit.fit(new double[] {2, 3}, new double[] {1}, new double[] {1, 1}, 0.95));
        MfptEstimate none = MfptEstimator.estimate(EscapeSample.of(new double[0], 10, 5));
        MfptEstimate some = MfptEstimator.estimate(Samples.complete(new double[] {1, 2, 3}));
        IllegalArgumentException noRate = assertThrows(IllegalArgumentException.class,
                () -> ArrheniusFit.fromMfpt(new double[] {2, 3}, List.of(some, none), 0.95));
        assertTrue(noRate.getMessage().contains("β = 3.0"), noRate.getMessage());
    }
}
