package org.ensemble.observe.escape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KaplanMeierTest {
    /** z_{0.975}, the standard normal quantile for a two-sided 95% interval. */
    static final double Z975 = 1.959963984540054;

    @Test
    void withoutCensoringItIsTheEmpiricalSurvival() {
        KaplanMeier km = KaplanMeier.fit(EscapeSample.of(new double[] {1, 2, 2, 5}, 0, 0));
        assertEquals(1.0, km.at(0.5), 0);
        assertEquals(0.75, km.at(1.5), 1e-15);
        assertEquals(0.25, km.at(2), 1e-15);
        assertEquals(0.0, km.at(5), 1e-15);
        assertArrayEquals(new double[] {1, 2, 5}, km.times(), 0);
        assertArrayEquals(new long[] {4, 3, 1}, km.atRisk());
        assertArrayEquals(new long[] {1, 2, 1}, km.events());
        // ∫ S = 1·1 + 0.75·1 + 0.25·3 = 2.5 = the sample mean.
        assertEquals(2.5, km.restrictedMean(), 1e-15);
        assertEquals(5, km.horizon(), 0);
    }

    @Test
    void censoringByHandWithGreenwoodAndLogLogInterval() {
        // 1, 2+, 3, 3, 4+, 5: S(1) = 5/6; the censoring at 2 leaves 4 at risk; S(3) = 5/6·2/4 = 5/12;
        // S(5) = 0. Greenwood sums: 1/(6·5) then + 2/(4·2); the last term (Y = d) is left out.
        EscapeSample s = new EscapeSample(new double[] {1, 2, 3, 3, 4, 5},
                new boolean[] {true, false, true, true, false, true});
        KaplanMeier km = KaplanMeier.fit(s, 0.95);
        assertArrayEquals(new double[] {1, 3, 5}, km.times(), 0);
        assertArrayEquals(new double[] {5.0 / 6, 5.0 / 12, 0}, km.survival(), 1e-15);
        assertArrayEquals(new long[] {6, 4, 1}, km.atRisk());
        double g3 = 1.0 / 30 + 1.0 / 4;
        assertArrayEquals(new double[] {1.0 / 30, g3, g3}, km.greenwoodSum(), 1e-15);
        double s3 = 5.0 / 12;
        assertEquals(s3 * s3 * g3, km.varianceAt(3.5), 1e-15);
        // log(−log S) interval: S^{exp(±z·√G/|ln S|)}.
        double se = Math.sqrt(g3) / Math.abs(Math.log(s3));
        assertEquals(Math.pow(s3, Math.exp(Z975 * se)), km.lower()[1], 1e-12);
        assertEquals(Math.pow(s3, Math.exp(-Z975 * se)), km.upper()[1], 1e-12);
        assertTrue(km.lower()[1] < s3 && s3 < km.upper()[1]);
        // ∫₀^5 S = 1 + (5/6)·2 + (5/12)·2 = 3.5.
        assertEquals(3.5, km.restrictedMean(), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> km.restrictedMean(Double.NaN));
    }

    @Test
    void escapesComeBeforeCensoringsAtTheSameTime() {
        // 1, 2, 2+: the particle censored at 2 was still inside at 2, so 2 are at risk there: S(2) = 2/3·1/2.
        KaplanMeier km = KaplanMeier.fit(new EscapeSample(new double[] {1, 2, 2},
                new boolean[] {true, true, false}));
        assertEquals(1.0 / 3, km.at(2), 1e-15);
        assertEquals(2, km.atRisk()[1]);
    }

    @Test
    void pointwiseIntervalCoversTheTrueSurvival() {
        // 200 fixed-seed samples of 300 exponentials (mean 1) censored at 1.5; S(0.8) = e^{−0.8}.
        // A 95% interval covers in ~Binomial(200, 0.95): mean 190, SD 3.1; accept 181..200 (3 SD below).
        double truth = Math.exp(-0.8);
        int covered = 0;
        for (int rep = 0; rep < 200; rep++) {
            KaplanMeier km = KaplanMeier.fit(Samples.censor(Samples.exponential(300, 1, 4000 + rep), 1.5));
            double t = 0.8;
            int k = java.util.Arrays.binarySearch(km.times(), t);
            int idx = k >= 0 ? k : -k - 2;
            covered += km.lower()[idx] <= truth && truth <= km.upper()[idx] ? 1 : 0;
        }
        assertTrue(covered >= 181, "coverage " + covered + "/200");
    }
}
