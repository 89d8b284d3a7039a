package org.ensemble.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class TimeAverageTest {
    /** AR(1) with coefficient a has integrated autocorrelation time (1 + a)/(1 − a). */
    static List<Double> ar1(double a, int n, long seed) {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<Double> x = new ArrayList<>();
        double v = 0;
        for (int i = 0; i < n; i++) {
            double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            v = a * v + g;
            x.add(v);
        }
        return x;
    }

    @Test
    void recoversTheAutocorrelationTimeOfAnAr1Series() {
        TimeAverage t = TimeAverage.of(ar1(0.8, 200_000, 3));
        // τ = 9; the truncated estimator is biased low by a few percent.
        assertEquals(9.0, t.tau(), 0.9);
    }

    @Test
    void confidenceIntervalsCoverZeroAtTheNominalRate() {
        // 200 series of 400 points from AR(1) with a = 0.8 (mean 0): ±1.96 SE covers 0 in ≈ 95%
        // (the truncated τ runs slightly low at n = 400, so accept ≥ 85%).
        int covered = 0;
        for (int rep = 0; rep < 200; rep++) {
            TimeAverage t = TimeAverage.of(ar1(0.8, 400, 100 + rep));
            covered += Math.abs(t.mean()) <= 1.96 * t.standardError() ? 1 : 0;
        }
        assertTrue(covered >= 170, "coverage " + covered + "/200");
    }
}
