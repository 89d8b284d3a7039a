package org.ensemble.data;

import org.ensemble.random.Streams;

/**
 * Mei–Montanari–Nguyen's isotropic Gaussians: y = ±1 with probability 1/2 each, and
 * x ~ N(0, (1 + Δ·y)² I_d). Randomness: Philox keyed by (seed, j), auxiliary streams
 * {@link Streams#STREAM_DATA} (training, counter step·(d+1) + coordinate, label at d) and
 * {@link Streams#STREAM_TEST} (held-out, counter j·(d+1) + …, id 0).
 */
public final class IsotropicGaussians implements DataSource {
    private final int d;
    private final double delta;
    private final long seed;

    public IsotropicGaussians(int d, double delta, long seed) {
        if (d < 1) {
            throw new IllegalArgumentException("dimension must be ≥ 1, got " + d);
        }
        if (!(delta >= 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in [0, 1), got " + delta);
        }
        this.d = d;
        this.delta = delta;
        this.seed = seed;
    }

    public double delta() {
        return delta;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double trainSample(long step, int j, double[] x) {
        return draw(Streams.STREAM_DATA, j, step, x);
    }

    /** The label's uniform only: the d normals of the inputs are not drawn. */
    @Override
    public double trainLabel(long step, int j, double[] scratch) {
        return label(Streams.STREAM_DATA, j, step);
    }

    @Override
    public double testSample(long j, double[] x) {
        return draw(Streams.STREAM_TEST, 0, j, x);
    }

    private double draw(int stream, long id, long index, double[] x) {
        long base = index * (d + 1);
        double y = label(stream, id, index);
        double scale = 1.0 + delta * y;
        for (int c = 0; c < d; c++) {
            x[c] = scale * Streams.auxNormal(seed, id, stream, base + c);
        }
        return y;
    }

    private double label(int stream, long id, long index) {
        return Streams.uniform(seed, id, stream, index * (d + 1) + d) < 0.5 ? 1.0 : -1.0;
    }

    @Override
    public String describe() {
        return "isotropic-gaussians(d=" + d + ", delta=" + delta + ")";
    }
}
