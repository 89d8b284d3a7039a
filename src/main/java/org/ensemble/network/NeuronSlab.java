package org.ensemble.network;

import org.ensemble.random.Streams;

/**
 * The neurons [firstId, firstId + n) as structure-of-arrays: w row-major (neuron i at i·d), a, b.
 * Initial values are a pure function of (seed, neuron id) — Philox auxiliary stream
 * {@link Streams#STREAM_INIT}, counter = parameter index — so any split into slabs gives the
 * same network.
 */
public final class NeuronSlab {
    private final long firstId;
    private final int n;
    private final int d;
    private final double[] w;
    private final double[] a;
    private final double[] b;

    public NeuronSlab(long firstId, int n, int d) {
        this.firstId = firstId;
        this.n = n;
        this.d = d;
        this.w = new double[n * d];
        this.a = new double[n];
        this.b = new double[n];
    }

    /** Draws the initial neurons of {@code spec} for {@code seed}. */
    public NeuronSlab initialize(NetworkSpec spec, long seed) {
        double ws = spec.wScale() / Math.sqrt(d);
        for (int i = 0; i < n; i++) {
            long id = firstId + i;
            for (int c = 0; c < d; c++) {
                w[i * d + c] = ws * Streams.auxNormal(seed, id, Streams.STREAM_INIT, c);
            }
            a[i] = spec.aInit() + (spec.aSd() > 0 ? spec.aSd() * Streams.auxNormal(seed, id, Streams.STREAM_INIT, d)
                    : 0.0);
            b[i] = spec.bInit() + (spec.bSd() > 0
                    ? spec.bSd() * Streams.auxNormal(seed, id, Streams.STREAM_INIT, d + 1) : 0.0);
        }
        return this;
    }

    public long firstId() {
        return firstId;
    }

    public int size() {
        return n;
    }

    public int dimension() {
        return d;
    }

    /** Live arrays (the stepper updates them in place). */
    public double[] w() {
        return w;
    }

    public double[] a() {
        return a;
    }

    public double[] b() {
        return b;
    }

    /** |w_i| for each neuron. */
    public double[] radii() {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                double v = w[i * d + c];
                s += v * v;
            }
            r[i] = Math.sqrt(s);
        }
        return r;
    }
}
