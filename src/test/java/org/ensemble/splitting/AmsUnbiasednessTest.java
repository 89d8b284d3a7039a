package org.ensemble.splitting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ensemble.theory.ExactCommittor1D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AMS is unbiased for every n and k (Bréhier–Lelièvre–Rousset), ties included: the mean of many
 * runs with only 5 or 10 replicas matches p. At β = 4 (p = 2.88e-3) the start level −0.9 is tied by
 * every replica that falls straight back to A, so the K_j > k rule is exercised at every first
 * iteration; an estimator using k instead of K_j, or branching at the level rather than above it,
 * is off by tens of percent at such n. Euler–Maruyama bias (dt = 1e-3, bridge-checked A): below 1%
 * (n = 100 runs agree to 0.7 ± 1.6%), against a relative SE of 2–3%.
 */
class AmsUnbiasednessTest {
    @ParameterizedTest
    @CsvSource({"5, 1, 4000", "10, 3, 2000"})
    void meanOfSmallRunsMatchesTheCommittor(int n, int k, int runs) {
        double exact = ExactCommittor1D.committor(AmsSpecs.WELL, 4, -1, 1, -0.9);
        List<AmsRunResult> r = AmsCore.run(AmsSpecs.doubleWell(new double[] {4}, 1e-3, 99, n, k, runs, 1, 4096));
        AmsEstimate e = AmsEstimate.of(4, r, n, exact);
        String what = String.format("n = %d, k = %d: mean p = %.4g ± %.2g, exact %.4g, z = %.2f", n, k, e.p(), e.se(),
                exact, e.z());
        System.out.println(what);
        assertTrue(Math.abs(e.z()) < 3.5, what);
    }
}
