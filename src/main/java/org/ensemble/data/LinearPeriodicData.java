package org.ensemble.data;

import org.ensemble.random.Streams;

/**
 * The linear-periodic target of Shalev-Shwartz, Shamir & Shammah (2017): x ~ N(0, I_d) and
 * y = cos(⟨w*, x⟩) with w* = r·u, u a unit direction fixed by {@code directionSeed}. Its population
 * gradient carries the direction only through factors exp(−r²/2) (see
 * {@code org.ensemble.failures.LinearPeriodicGradients}), so gradients hardly tell directions apart once r is large.
 *
 * <p>Randomness: u is the normalised vector of auxNormal(directionSeed, 0, {@link Streams#STREAM_TEACHER}, c);
 * coordinate c of sample {@code index} is auxNormal(seed, id, stream, index·d + c) on {@link Streams#STREAM_DATA}
 * (id j, index step) and {@link Streams#STREAM_TEST} (id 0, index j).
 */
public final class LinearPeriodicData implements DataSource {
    private final int d;
    private final double norm;
    private final long directionSeed;
    private final long seed;
    private final double[] wStar;

    public LinearPeriodicData(int d, double norm, long directionSeed, long seed) {
        if (d < 1) {
            throw new IllegalArgumentException("dimension must be ≥ 1, got " + d);
        }
        if (!(norm >= 0) || Double.isInfinite(norm)) {
            throw new IllegalArgumentException("norm must be a non-negative finite number, got " + norm);
        }
        this.d = d;
        this.norm = norm;
        this.directionSeed = directionSeed;
        this.seed = seed;
        double[] u = unitDirection(d, directionSeed, 0);
        wStar = new double[d];
        for (int c = 0; c < d; c++) {
            wStar[c] = norm * u[c];
        }
    }

    /** A unit vector uniform on the sphere S^{d−1}: direction {@code id} of {@code seed} (normalised Gaussian). */
    public static double[] unitDirection(int d, long seed, long id) {
        double[] u = new double[d];
        double s = 0;
        for (int c = 0; c < d; c++) {
            u[c] = Streams.auxNormal(seed, id, Streams.STREAM_TEACHER, c);
            s += u[c] * u[c];
        }
        double inv = 1 / Math.sqrt(s);
        for (int c = 0; c < d; c++) {
            u[c] *= inv;
        }
        return u;
    }

    /** w* = r·u (a copy). */
    public double[] wStar() {
        return wStar.clone();
    }

    public double norm() {
        return norm;
    }

    public long directionSeed() {
        return directionSeed;
    }

    /** Var(y)/2 = ((1 + e^{−2r²})/2 − e^{−r²})/2: the square-loss risk (1/2)E(f − y)² of the best constant. */
    public double trivialRisk() {
        double r2 = norm * norm;
        return ((1 + Math.exp(-2 * r2)) / 2 - Math.exp(-r2)) / 2;
    }

    @Override
    public int dimension() {
        return d;
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
        long base = index * d;
        double z = 0;
        for (int c = 0; c < d; c++) {
            x[c] = Streams.auxNormal(seed, id, stream, base + c);
            z += wStar[c] * x[c];
        }
        return Math.cos(z);
    }

    @Override
    public String describe() {
        return "linear-periodic(d=" + d + ", |w*|=" + norm + ", direction-seed=" + directionSeed + ")";
    }
}
