package org.ensemble.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.ensemble.network.ParityGradientVariance.Init;
import org.ensemble.network.ParityGradientVariance.Net;
import org.ensemble.network.ParityGradientVariance.Result;
import org.ensemble.plot.ChartFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParityGradientVarianceTest {
    private static final Activation TANH = Activation.of(Activation.Kind.TANH);
    private static final int WIDTH = 32;
    private static final long SEED = 20170417L;
    private static final int D_MIN = 4;
    private static final int D_MAX = 12;

    /** Exact results for d = 4 … 12 (width 32, tanh), shared by the identity, decay and plot tests. */
    private static final Map<Integer, Result> EXACT = new TreeMap<>();

    @BeforeAll
    static void measure() {
        for (int d = D_MIN; d <= D_MAX; d++) {
            EXACT.put(d, ParityGradientVariance.exact(d, WIDTH, TANH, SEED));
        }
        System.out.printf("parity gradient variance, width %d, tanh, seed %d, L = E(p−χ)²/2%n", WIDTH, SEED);
        System.out.printf("%3s %14s %14s %14s %12s%n", "d", "variance", "G²", "bound G²/2^d", "var/bound");
        for (Result r : EXACT.values()) {
            System.out.printf("%3d %14.6e %14.6e %14.6e %12.9f%n", r.d(), r.variance(), r.gSquared(), r.bound(),
                    r.ratio());
        }
    }

    @Test
    void fwhtCoefficientsMatchBruteForce() {
        // Rounding only: coefficients are O(0.1) sums of 32 terms, so agreement is ~1e-16; 1e-12 leaves room.
        final double tol = 1e-12;
        int d = 5;
        int n = 1 << d;
        for (Activation.Kind kind : Activation.Kind.values()) {
            Activation act = Activation.of(kind);
            double[][] fast = ParityGradientVariance.fourierCoefficients(d, 8, act, SEED, Init.DEFAULT);
            Net net = new Net(d, 8, act, SEED, Init.DEFAULT);
            double[][] grads = new double[n][net.parameters()];
            for (int x = 0; x < n; x++) {
                net.gradient(x, grads[x]);
            }
            for (int j = 0; j < net.parameters(); j++) {
                for (int s = 0; s < n; s++) {
                    double sum = 0;
                    for (int x = 0; x < n; x++) {
                        sum += ((Integer.bitCount(s & x) & 1) == 0 ? 1 : -1) * grads[x][j];
                    }
                    assertEquals(sum / n, fast[j][s], tol, kind + " parameter " + j + ", S = " + s);
                }
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        // Central differences on tanh have error ~ h² p''' ≈ 1e-10 and rounding ~ 1e-16/h ≈ 1e-11; 1e-8 is loose.
        final double tol = 1e-8;
        final double h = 1e-5;
        int d = 6;
        Net net = new Net(d, 5, TANH, SEED, Init.DEFAULT);
        double[] g = new double[net.parameters()];
        for (long x : new long[] {0, 1, 0b101010, 0b111111}) {
            net.gradient(x, g);
            for (int j = 0; j < net.parameters(); j++) {
                double[] theta = slot(net, j);
                int k = slotIndex(net, j);
                double keep = theta[k];
                theta[k] = keep + h;
                double up = net.value(x);
                theta[k] = keep - h;
                double down = net.value(x);
                theta[k] = keep;
                assertEquals((up - down) / (2 * h), g[j], tol, "x = " + x + ", parameter " + j);
            }
        }
    }

    private static double[] slot(Net net, int j) {
        int i = j / (net.d + 2);
        int r = j % (net.d + 2);
        return r == 0 ? net.a : r == 1 ? net.b : net.w[i];
    }

    private static int slotIndex(Net net, int j) {
        int i = j / (net.d + 2);
        int r = j % (net.d + 2);
        return r < 2 ? i : r - 2;
    }

    @Test
    void varianceEqualsParsevalIdentityAndStaysBelowBound() {
        // The variance is summed from the 2^d gradients, the identity from G² and ∇p(0): both are exact in real
        // arithmetic, so only rounding (~1e-14 relative after the FWHT and the two-pass variance) separates them.
        final double relTol = 1e-10;
        List<Result> all = new ArrayList<>(EXACT.values());
        for (Activation.Kind kind : List.of(Activation.Kind.RELU, Activation.Kind.SIGMOID, Activation.Kind.RAMP)) {
            for (int d : new int[] {4, 9}) {
                all.add(ParityGradientVariance.exact(d, 16, Activation.of(kind), SEED + d));
            }
        }
        for (int d : new int[] {1, 2, 3, 16}) { // the ends of the required range
            all.add(ParityGradientVariance.exact(d, WIDTH, TANH, SEED));
        }
        for (Result r : all) {
            assertEquals(r.identity(), r.variance(), relTol * r.identity(), "d = " + r.d());
            assertTrue(r.variance() <= r.bound(), "variance above bound at d = " + r.d());
            assertTrue(r.variance() > 0 && r.meanGradientNorm() > 0, "degenerate result at d = " + r.d());
        }
    }

    @Test
    void varianceDecaysLikeTwoToTheMinusD() {
        // var/G² = 2^−d (1 − r_d 2^−d) with r_d = ‖∇p(0)‖²/G². If r_d ≤ 1 (asserted), the deviation of
        // log2(var/G²) from −d lies in [log2(1 − 2^−d), 0]; the OLS slope over d = 4…12 then moves by at most
        // Σ_{d<8} (8−d)|log2(1 − 2^−d)| / Σ(d−8)² ≈ 0.0094. G² itself grows with d (the w-gradients scale with |x|),
        // which is why the fit is normalised by it.
        final double slopeTol = 0.01;
        SimpleRegression normalised = new SimpleRegression();
        SimpleRegression raw = new SimpleRegression();
        SimpleRegression g2 = new SimpleRegression();
        for (Result r : EXACT.values()) {
            double rd = r.gradAtZeroSquared() / r.gSquared();
            assertTrue(rd <= 1, "r_d = " + rd + " at d = " + r.d() + ": the slope tolerance no longer holds");
            normalised.addData(r.d(), log2(r.variance() / r.gSquared()));
            raw.addData(r.d(), log2(r.variance()));
            g2.addData(r.d(), log2(r.gSquared()));
        }
        System.out.printf("slope of log2(var/G²) = %.5f, of log2(var) = %.4f, of log2(G²) = %.4f%n",
                normalised.getSlope(), raw.getSlope(), g2.getSlope());
        assertEquals(-1.0, normalised.getSlope(), slopeTol);
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    @Test
    void twoBatchCovarianceEstimatesExactVariance() {
        // The estimate is unbiased; 4 standard errors makes a false failure ~1e-4 likely for these fixed seeds.
        final double seMultiple = 4.0;
        int d = 6;
        int width = 16;
        Result exact = ParityGradientVariance.exact(d, width, TANH, SEED);
        Result est = ParityGradientVariance.sampled(d, width, TANH, SEED, 4000, 64, 7L);
        System.out.printf("d = %d: exact %.5e, two-batch %.5e ± %.2e, one-batch (with noise) %.5e, "
                        + "G² exact %.5e sampled %.5e%n", d, exact.variance(), est.variance(),
                est.varianceStandardError(), est.noisyVariance(), exact.gSquared(), est.gSquared());
        // The check means something only if the SE resolves the variance.
        assertTrue(est.varianceStandardError() < 0.2 * exact.variance(), "estimate too noisy to test");
        assertEquals(exact.variance(), est.variance(), seMultiple * est.varianceStandardError());
        // The one-batch variance carries the batch noise on top of the signal.
        assertTrue(est.noisyVariance() > exact.variance() + seMultiple * est.varianceStandardError(),
                "no visible batch noise in the one-batch variance");
        assertEquals(exact.gradAtZeroSquared(), est.gradAtZeroSquared(), 1e-15);
    }

    @Test
    void deterministicGivenSeed() {
        Result a = ParityGradientVariance.exact(7, 8, TANH, 3L);
        assertEquals(a, ParityGradientVariance.exact(7, 8, TANH, 3L));
        assertTrue(a.variance() != ParityGradientVariance.exact(7, 8, TANH, 4L).variance());
        Result s = ParityGradientVariance.sampled(7, 8, TANH, 3L, 50, 8, 11L);
        assertEquals(s, ParityGradientVariance.sampled(7, 8, TANH, 3L, 50, 8, 11L));
    }

    @Test
    void plotWritesFiles(@TempDir Path dir) throws Exception {
        List<Result> rs = new ArrayList<>(EXACT.values());
        rs.add(ParityGradientVariance.sampled(6, WIDTH, TANH, SEED, 500, 32, 1L));
        rs.add(ParityGradientVariance.sampled(8, WIDTH, TANH, SEED, 500, 32, 2L));
        List<Path> files = ChartFiles.save(ParityGradientVariance.plot(rs), dir, "parity-gradient-variance");
        for (Path f : files) {
            assertTrue(Files.size(f) > 0, f + " is empty");
        }
    }
}
