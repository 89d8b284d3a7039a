package org.ensemble.data;

import java.util.Arrays;
import org.ensemble.network.Activation;
import org.ensemble.random.Streams;

/**
 * A two-layer teacher: x ~ N(0, s² I_d) and y = (1/k) Σ_{i<k} a*_i σ(⟨w*_i, x⟩ + b*_i) + ε with
 * ε ~ N(0, noise²). The teacher (w*_i ~ N(0, I/d)·wScale; a*_i = 1 or ~ N(0, 1); b*_i = 0, or
 * ~ N(0, biasScale²) when biasScale > 0) is drawn once from {@code teacherSeed}, separately from
 * the sample seed, so one fixed teacher can be learned by students trained with different seeds.
 *
 * <p>Randomness: teacher from {@link Streams#STREAM_TEACHER} keyed by (teacherSeed, 0), counters
 * i·d + c for w*, k·d + i for a*, k·d + k + i for b*. Samples keyed by (seed, j) on
 * {@link Streams#STREAM_DATA} (counter step·(d+1) + coordinate, label noise at d) and
 * {@link Streams#STREAM_TEST} (held-out, counter j·(d+1) + …, id 0), as in {@link IsotropicGaussians}.
 */
public final class TeacherNetwork implements DataSource {
    private final int d;
    private final int k;
    private final Activation activation;
    private final double inputScale;
    private final double labelNoise;
    private final double wScale;
    private final String outputWeights;
    private final double biasScale;
    private final long teacherSeed;
    private final long seed;
    /** w*, row-major k × d. */
    private final double[] w;
    private final double[] a;
    private final double[] b;

    /** The plain teacher: unit input scale, wScale 1, output weights all 1, no biases, no label noise. */
    public TeacherNetwork(int d, int k, Activation activation, long teacherSeed, long seed) {
        this(d, k, activation, 1.0, 1.0, "ones", 0.0, 0.0, teacherSeed, seed);
    }

    /**
     * @param inputScale    s in x ~ N(0, s² I_d), &gt; 0
     * @param wScale        w*_i ~ N(0, I/d)·wScale, &gt; 0
     * @param outputWeights "ones" (a*_i = 1) or "gaussian" (a*_i ~ N(0, 1))
     * @param biasScale     b*_i ~ N(0, biasScale²) if &gt; 0, else b*_i = 0; ≥ 0
     * @param labelNoise    standard deviation of the Gaussian label noise, ≥ 0
     */
    public TeacherNetwork(int d, int k, Activation activation, double inputScale, double wScale,
            String outputWeights, double biasScale, double labelNoise, long teacherSeed, long seed) {
        if (d < 1) {
            throw new IllegalArgumentException("dimension d must be ≥ 1, got " + d);
        }
        if (k < 1) {
            throw new IllegalArgumentException("hidden units k must be ≥ 1, got " + k);
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation is required");
        }
        if (!(inputScale > 0 && Double.isFinite(inputScale))) {
            throw new IllegalArgumentException("inputScale must be finite and > 0, got " + inputScale);
        }
        if (!(wScale > 0 && Double.isFinite(wScale))) {
            throw new IllegalArgumentException("wScale must be finite and > 0, got " + wScale);
        }
        if (!"ones".equals(outputWeights) && !"gaussian".equals(outputWeights)) {
            throw new IllegalArgumentException("outputWeights must be \"ones\" or \"gaussian\", got " + outputWeights);
        }
        if (!(biasScale >= 0 && Double.isFinite(biasScale))) {
            throw new IllegalArgumentException("biasScale must be finite and ≥ 0, got " + biasScale);
        }
        if (!(labelNoise >= 0 && Double.isFinite(labelNoise))) {
            throw new IllegalArgumentException("labelNoise must be finite and ≥ 0, got " + labelNoise);
        }
        if ((long) k * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("k·d too large for one array: k = " + k + ", d = " + d);
        }
        this.d = d;
        this.k = k;
        this.activation = activation;
        this.inputScale = inputScale;
        this.labelNoise = labelNoise;
        this.wScale = wScale;
        this.outputWeights = outputWeights;
        this.biasScale = biasScale;
        this.teacherSeed = teacherSeed;
        this.seed = seed;
        int s = Streams.STREAM_TEACHER;
        long kd = (long) k * d;
        double wStd = wScale / Math.sqrt(d);
        w = new double[k * d];
        for (int q = 0; q < w.length; q++) {
            w[q] = wStd * Streams.auxNormal(teacherSeed, 0, s, q);
        }
        a = new double[k];
        b = new double[k];
        for (int i = 0; i < k; i++) {
            a[i] = "ones".equals(outputWeights) ? 1.0 : Streams.auxNormal(teacherSeed, 0, s, kd + i);
            b[i] = biasScale > 0 ? biasScale * Streams.auxNormal(teacherSeed, 0, s, kd + k + i) : 0.0;
        }
    }

    @Override
    public int dimension() {
        return d;
    }

    public int hiddenUnits() {
        return k;
    }

    public Activation activation() {
        return activation;
    }

    /** A copy of w*: row i is hidden unit i's input weights. */
    public double[][] teacherWeights() {
        double[][] out = new double[k][];
        for (int i = 0; i < k; i++) {
            out[i] = Arrays.copyOfRange(w, i * d, (i + 1) * d);
        }
        return out;
    }

    /** A copy of a*. */
    public double[] teacherOutputWeights() {
        return a.clone();
    }

    /** A copy of b*. */
    public double[] teacherBiases() {
        return b.clone();
    }

    /** The noiseless teacher f*(x) = (1/k) Σ a*_i σ(⟨w*_i, x⟩ + b*_i). */
    public double teacherOutput(double[] x) {
        if (x.length != d) {
            throw new IllegalArgumentException("x must have length d = " + d + ", got " + x.length);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double h = b[i];
            int off = i * d;
            for (int c = 0; c < d; c++) {
                h += w[off + c] * x[c];
            }
            sum += a[i] * activation.value(h);
        }
        return sum / k;
    }

    @Override
    public double trainSample(long step, int j, double[] x) {
        return draw(Streams.STREAM_DATA, j, step, x);
    }

    @Override
    public double testSample(long j, double[] x) {
        return draw(Streams.STREAM_TEST, 0, j, x);
    }

    private double draw(int stream, long id, long index, double[] x) {
        long base = index * (d + 1);
        for (int c = 0; c < d; c++) {
            x[c] = inputScale * Streams.auxNormal(seed, id, stream, base + c);
        }
        double y = teacherOutput(x);
        // Skip the draw when noiseless, so the label is exactly f*(x).
        return labelNoise > 0 ? y + labelNoise * Streams.auxNormal(seed, id, stream, base + d) : y;
    }

    @Override
    public String describe() {
        return "teacher(d=" + d + ", k=" + k + ", sigma=" + activation.describe() + ", inputScale=" + inputScale
                + ", wScale=" + wScale + ", outputWeights=" + outputWeights + ", biasScale=" + biasScale
                + ", labelNoise=" + labelNoise + ", teacherSeed=" + teacherSeed + ")";
    }
}
