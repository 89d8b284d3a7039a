package org.ensemble.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ensemble.plot.LinePlot;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The vanishing gradient signal of parity (Shalev-Shwartz, Shamir, Shammah 2017, "Failures of gradient-based deep
 * learning", §2.1), measured on a two-layer network.
 *
 * <p>Targets are χ_S(x) = (−1)^{Σ_{i∈S} x_i} for x uniform on {0,1}^d and S ⊆ {0..d−1}; bit i of the integer x
 * (and of the mask S) is x_i. The loss is L_S(θ) = E_x[(p(x) − χ_S(x))²] / 2, so
 * ∇L_S = E[p ∇p] − ĝ(S) with ĝ(S) = E_x[χ_S(x) ∇p(x)]. Since Σ_S ĝ(S) = ∇p(0) and, by Parseval,
 * Σ_S ‖ĝ(S)‖² = G² = E_x ‖∇p(x)‖², the variance over the 2^d targets (population variance, dividing by 2^d) is
 * exactly Var_S = G²/2^d − ‖∇p(0)‖²/4^d ≤ G²/2^d. Without the 1/2 in the loss every variance here scales by 4.
 *
 * <p>The model is p(x) = (1/m) Σ_i a_i σ(⟨w_i, x⟩ + b_i) with all of θ = (a, w, b) trainable, P = m(d+2).
 */
public final class ParityGradientVariance {
    /** Exact sums run over 2^d inputs and arrays of 2^d doubles; beyond this it is minutes and gigabytes. */
    public static final int MAX_EXACT_D = 24;
    /** Sampled inputs and targets are bit masks in a long. */
    public static final int MAX_SAMPLED_D = 62;

    private ParityGradientVariance() {
    }

    /**
     * Init scales: w_i ~ N(0, wScale²·I/d), b_i ~ N(0, bScale²), a_i ~ N(0, aScale²).
     */
    public record Init(double wScale, double bScale, double aScale) {
        public static final Init DEFAULT = new Init(1.0, 1.0, 1.0);

        public Init {
            if (!(wScale >= 0 && bScale >= 0 && aScale >= 0)) {
                throw new IllegalArgumentException("init scales must be ≥ 0, got " + wScale + ", " + bScale + ", "
                        + aScale);
            }
        }
    }

    /**
     * One measurement.
     *
     * <p>Exact ({@link #exact}): {@code variance} = mean_S ‖∇L_S − mean_S ∇L_S‖² over all 2^d targets, computed from
     * the ∇L_S themselves; {@code identity} = G²/2^d − ‖∇p(0)‖²/4^d is the same number by Parseval;
     * {@code meanGradientNorm} = mean_S ‖∇L_S‖; {@code targets} = 2^d, {@code batch} = 0 (population gradients),
     * {@code noisyVariance} = {@code variance}, {@code varianceStandardError} = 0.
     *
     * <p>Sampled ({@link #sampled}): {@code variance} is the two-batch estimate of the same population quantity,
     * {@code varianceStandardError} its standard error, {@code noisyVariance} the plain variance over targets of one
     * mini-batch gradient per target (signal + batch noise); {@code gSquared} is estimated from the sampled inputs,
     * so {@code bound} and {@code identity} are estimates too; {@code gradAtZeroSquared} is exact;
     * {@code meanGradientNorm} is the mean mini-batch gradient norm (noise included).
     */
    public record Result(int d, int width, double variance, double gSquared, double gradAtZeroSquared, double bound,
                         double identity, double meanGradientNorm, int targets, int batch, double noisyVariance,
                         double varianceStandardError) {
        public boolean sampled() {
            return batch > 0;
        }

        /** variance / bound: 1 − ‖∇p(0)‖²/(2^d G²) for the exact variance. */
        public double ratio() {
            return variance / bound;
        }
    }

    // ---------------------------------------------------------------- exact

    public static Result exact(int d, int width, Activation act, long seed) {
        return exact(d, width, act, seed, Init.DEFAULT);
    }

    public static Result exact(int d, int width, Activation act, long seed, Init init) {
        if (d < 1 || d > MAX_EXACT_D) {
            throw new IllegalArgumentException("exact needs 1 ≤ d ≤ " + MAX_EXACT_D + ", got " + d);
        }
        Net net = new Net(d, width, act, seed, init);
        int n = 1 << d;
        double[] p = net.outputs();
        double[] normSq = new double[n]; // ‖∇L_S‖², accumulated over parameters
        double[] acc = new double[4]; // variance, G², ‖∇p(0)‖² (sums over parameters)
        net.forEachColumn((j, col) -> {
            // The variance over S splits over parameters, so one column (2^d doubles) at a time suffices.
            double g2 = 0;
            double c = 0;
            for (int x = 0; x < n; x++) {
                g2 += col[x] * col[x];
                c += p[x] * col[x];
            }
            acc[1] += g2 / n;
            acc[2] += col[0] * col[0];
            c /= n; // E[p ∂p/∂θ_j]
            fwht(col);
            double mean = 0;
            for (int s = 0; s < n; s++) {
                double grad = c - col[s] / n; // ∂L_S/∂θ_j
                col[s] = grad;
                mean += grad;
                normSq[s] += grad * grad;
            }
            mean /= n;
            double var = 0;
            for (int s = 0; s < n; s++) {
                double dev = col[s] - mean;
                var += dev * dev;
            }
            acc[0] += var / n;
        });
        double meanNorm = 0;
        for (int s = 0; s < n; s++) {
            meanNorm += Math.sqrt(normSq[s]);
        }
        meanNorm /= n;
        double bound = acc[1] / n;
        double identity = bound - acc[2] / ((double) n * n);
        return new Result(d, width, acc[0], acc[1], acc[2], bound, identity, meanNorm, n, 0, acc[0], 0.0);
    }

    /** ĝ(S) for all S by the FWHT, indexed [parameter][S]; for tests and small d. */
    static double[][] fourierCoefficients(int d, int width, Activation act, long seed, Init init) {
        Net net = new Net(d, width, act, seed, init);
        int n = 1 << d;
        double[][] out = new double[net.parameters()][];
        net.forEachColumn((j, col) -> {
            fwht(col);
            double[] g = new double[n];
            for (int s = 0; s < n; s++) {
                g[s] = col[s] / n;
            }
            out[j] = g;
        });
        return out;
    }

    /** In place, unnormalised: v[S] ← Σ_x (−1)^{|S ∧ x|} v[x]. O(n log n). */
    static void fwht(double[] v) {
        int n = v.length;
        if (Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FWHT length must be a power of two, got " + n);
        }
        for (int len = 1; len < n; len <<= 1) {
            for (int i = 0; i < n; i += len << 1) {
                for (int k = i; k < i + len; k++) {
                    double u = v[k];
                    double w = v[k + len];
                    v[k] = u + w;
                    v[k + len] = u - w;
                }
            }
        }
    }

    // ---------------------------------------------------------------- sampled

    /**
     * What SGD sees. For each of {@code targets} subsets S drawn uniformly from all 2^d (with replacement), two
     * independent mini-batches of {@code batch} uniform inputs give gradients g1, g2 of the batch loss
     * (1/2n) Σ (p − χ_S)². Given S both are unbiased for ∇L_S and independent, so their covariance across targets is
     * the covariance of ∇L_S over S: the unbiased sample cross-covariance (1/(T−1)) Σ_t ⟨g1_t − ḡ1, g2_t − ḡ2⟩
     * estimates Var_S without the batch-noise term (it can come out negative when noise dominates). Its standard
     * error is sd_t⟨g1_t − ḡ1, g2_t − ḡ2⟩/√T (delta method; the estimated means add O(1/T)). The noisy variance is
     * the mean of the two one-batch variances (1/(T−1)) Σ_t ‖g_t − ḡ‖², which estimates Var_S + E_S tr Cov(g | S).
     */
    public static Result sampled(int d, int width, Activation act, long seed, int targets, int batch,
                                 long sampleSeed) {
        return sampled(d, width, act, seed, Init.DEFAULT, targets, batch, sampleSeed);
    }

    public static Result sampled(int d, int width, Activation act, long seed, Init init, int targets, int batch,
                                 long sampleSeed) {
        if (d < 1 || d > MAX_SAMPLED_D) {
            throw new IllegalArgumentException("sampled needs 1 ≤ d ≤ " + MAX_SAMPLED_D + ", got " + d);
        }
        if (targets < 2 || batch < 1) {
            throw new IllegalArgumentException("need ≥ 2 targets and batch ≥ 1, got " + targets + ", " + batch);
        }
        Net net = new Net(d, width, act, seed, init);
        int pCount = net.parameters();
        long mask = -1L >>> (64 - d);
        SplittableRandom rng = new SplittableRandom(sampleSeed);
        double[][] g1 = new double[targets][];
        double[][] g2 = new double[targets][];
        double[] grad = new double[pCount];
        double gSqSum = 0;
        double meanNorm = 0;
        for (int t = 0; t < targets; t++) {
            long s = rng.nextLong() & mask;
            double[][] pair = {new double[pCount], new double[pCount]};
            for (double[] g : pair) {
                for (int k = 0; k < batch; k++) {
                    long x = rng.nextLong() & mask;
                    double chi = (Long.bitCount(s & x) & 1) == 0 ? 1.0 : -1.0;
                    double residual = net.gradient(x, grad) - chi;
                    for (int j = 0; j < pCount; j++) {
                        g[j] += residual * grad[j];
                        gSqSum += grad[j] * grad[j];
                    }
                }
                for (int j = 0; j < pCount; j++) {
                    g[j] /= batch;
                }
            }
            g1[t] = pair[0];
            g2[t] = pair[1];
            meanNorm += norm(pair[0]);
        }
        double[] m1 = columnMean(g1);
        double[] m2 = columnMean(g2);
        double covSum = 0;
        double covSqSum = 0;
        double v1 = 0;
        double v2 = 0;
        for (int t = 0; t < targets; t++) {
            double u = 0;
            for (int j = 0; j < pCount; j++) {
                double e1 = g1[t][j] - m1[j];
                double e2 = g2[t][j] - m2[j];
                u += e1 * e2;
                v1 += e1 * e1;
                v2 += e2 * e2;
            }
            covSum += u;
            covSqSum += u * u;
        }
        double cov = covSum / (targets - 1);
        double uMean = covSum / targets;
        double uVar = (covSqSum - targets * uMean * uMean) / (targets - 1);
        double se = Math.sqrt(Math.max(uVar, 0) / targets);
        double noisy = (v1 + v2) / (2.0 * (targets - 1));
        double gSquared = gSqSum / (2.0 * targets * batch);
        double[] g0 = new double[pCount];
        net.gradient(0L, g0);
        double g0Sq = 0;
        for (double v : g0) {
            g0Sq += v * v;
        }
        double bound = Math.scalb(gSquared, -d);
        double identity = bound - Math.scalb(g0Sq, -2 * d);
        return new Result(d, width, cov, gSquared, g0Sq, bound, identity, meanNorm / targets, targets, batch, noisy,
                se);
    }

    private static double[] columnMean(double[][] rows) {
        double[] m = new double[rows[0].length];
        for (double[] r : rows) {
            for (int j = 0; j < m.length; j++) {
                m[j] += r[j];
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= rows.length;
        }
        return m;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    // ---------------------------------------------------------------- plot

    /**
     * Variance over targets against d on a log y axis: exact variances as markers with the bound G²/2^d as a line,
     * and sampled two-batch estimates as markers (non-positive estimates cannot be drawn on a log axis and are left
     * out) with their one-batch (noisy) variance.
     */
    public static XYChart plot(List<Result> results) {
        List<Result> exact = new ArrayList<>();
        List<Result> sampled = new ArrayList<>();
        for (Result r : results) {
            (r.sampled() ? sampled : exact).add(r);
        }
        exact.sort(Comparator.comparingInt(Result::d));
        sampled.sort(Comparator.comparingInt(Result::d));
        String title = "Parity: variance over targets of the square-loss gradient";
        String yTitle = "Var_S ∇L_S";
        XYChart c;
        String line;
        if (!exact.isEmpty()) {
            Map<String, double[]> series = new LinkedHashMap<>();
            series.put("variance (exact)", exact.stream().mapToDouble(Result::variance).toArray());
            line = "bound G²/2^d";
            series.put(line, exact.stream().mapToDouble(Result::bound).toArray());
            c = LinePlot.create(title, "d", yTitle, ds(exact), series, false, true, true);
            c.getSeries("variance (exact)").setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        } else if (!sampled.isEmpty()) {
            line = "bound G²/2^d (G² sampled)";
            c = LinePlot.create(title, "d", yTitle, ds(sampled),
                    Map.of(line, sampled.stream().mapToDouble(Result::bound).toArray()), false, true, true);
        } else {
            throw new IllegalArgumentException("no results to plot");
        }
        c.getSeries(line).setMarker(SeriesMarkers.NONE);
        if (!sampled.isEmpty()) {
            c.addSeries("one-batch variance (signal + noise)", ds(sampled),
                            sampled.stream().mapToDouble(Result::noisyVariance).toArray())
                    .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            List<Result> positive = sampled.stream().filter(r -> r.variance() > 0).toList();
            if (!positive.isEmpty()) {
                c.addSeries("two-batch estimate", ds(positive),
                                positive.stream().mapToDouble(Result::variance).toArray())
                        .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            }
        }
        return c;
    }

    private static double[] ds(List<Result> rs) {
        return rs.stream().mapToDouble(Result::d).toArray();
    }

    // ---------------------------------------------------------------- the network

    /** p(x) = (1/m) Σ_i a_i σ(⟨w_i, x⟩ + b_i); parameter order per neuron i: a_i, b_i, w_i0 … w_i,d−1. */
    static final class Net {
        final int d;
        final int m;
        final Activation act;
        final double[] a;
        final double[] b;
        final double[][] w;

        Net(int d, int m, Activation act, long seed, Init init) {
            if (m < 1) {
                throw new IllegalArgumentException("width must be ≥ 1, got " + m);
            }
            this.d = d;
            this.m = m;
            this.act = act;
            a = new double[m];
            b = new double[m];
            w = new double[m][d];
            SplittableRandom rng = new SplittableRandom(seed);
            double wSd = init.wScale() / Math.sqrt(d);
            for (int i = 0; i < m; i++) {
                a[i] = init.aScale() * rng.nextGaussian();
                b[i] = init.bScale() * rng.nextGaussian();
                for (int k = 0; k < d; k++) {
                    w[i][k] = wSd * rng.nextGaussian();
                }
            }
        }

        int parameters() {
            return m * (d + 2);
        }

        double value(long x) {
            double p = 0;
            for (int i = 0; i < m; i++) {
                p += a[i] * act.value(pre(i, x));
            }
            return p / m;
        }

        /** Writes ∇_θ p(x) into {@code out} and returns p(x). */
        double gradient(long x, double[] out) {
            double p = 0;
            for (int i = 0; i < m; i++) {
                double h = pre(i, x);
                double s = act.value(h);
                double ds = a[i] * act.derivative(h) / m;
                p += a[i] * s;
                int o = i * (d + 2);
                out[o] = s / m;
                out[o + 1] = ds;
                for (int k = 0; k < d; k++) {
                    out[o + 2 + k] = ((x >>> k) & 1L) != 0 ? ds : 0.0;
                }
            }
            return p / m;
        }

        private double pre(int i, long x) {
            double h = b[i];
            for (int k = 0; k < d; k++) {
                if (((x >>> k) & 1L) != 0) {
                    h += w[i][k];
                }
            }
            return h;
        }

        /** p(x) for all 2^d inputs. */
        double[] outputs() {
            int n = 1 << d;
            double[] p = new double[n];
            double[] h = new double[n];
            for (int i = 0; i < m; i++) {
                preactivations(i, h);
                for (int x = 0; x < n; x++) {
                    p[x] += a[i] * act.value(h[x]) / m;
                }
            }
            return p;
        }

        /** h[x] = b_i + ⟨w_i, x⟩ for all x: each x extends x without its top bit, so O(2^d). */
        private void preactivations(int i, double[] h) {
            h[0] = b[i];
            for (int k = 0; k < d; k++) {
                int lo = 1 << k;
                for (int x = lo; x < lo << 1; x++) {
                    h[x] = h[x - lo] + w[i][k];
                }
            }
        }

        interface ColumnSink {
            /** {@code col[x]} = ∂p(x)/∂θ_j; the sink may overwrite it. */
            void accept(int j, double[] col);
        }

        /** Hands each parameter's derivative over all 2^d inputs to {@code sink}, reusing one buffer. */
        void forEachColumn(ColumnSink sink) {
            int n = 1 << d;
            double[] h = new double[n];
            double[] s = new double[n];
            double[] ds = new double[n];
            double[] col = new double[n];
            for (int i = 0; i < m; i++) {
                preactivations(i, h);
                for (int x = 0; x < n; x++) {
                    s[x] = act.value(h[x]) / m;
                    ds[x] = a[i] * act.derivative(h[x]) / m;
                }
                int o = i * (d + 2);
                System.arraycopy(s, 0, col, 0, n);
                sink.accept(o, col);
                System.arraycopy(ds, 0, col, 0, n);
                sink.accept(o + 1, col);
                for (int k = 0; k < d; k++) {
                    for (int x = 0; x < n; x++) {
                        col[x] = ((x >>> k) & 1) != 0 ? ds[x] : 0.0;
                    }
                    sink.accept(o + 2 + k, col);
                }
            }
        }
    }
}
