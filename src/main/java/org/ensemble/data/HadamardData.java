package org.ensemble.data;

import org.ensemble.random.Streams;

/**
 * Rows of the Sylvester Hadamard matrix H_d (H_1 = [1], H_2n = [[H, H], [H, −H]]), whose entry
 * (r, c) is (−1)^{popcount(r &amp; c)}, so the matrix is never stored. Each sample is a uniformly
 * random row r: x = H[r][·] (times 1/√d when {@code normalized}, so that |x| = 1) and
 * y = H[r][target] = ±1 (never scaled). The rows are orthogonal, so the label is the one input
 * coordinate {@code target}; there are only d distinct samples, and the held-out stream draws from
 * the same d rows.
 *
 * <p>Randomness: r = ⌊d · uniform(seed, id, stream, index)⌋ on {@link Streams#STREAM_DATA}
 * (id j, index step) and {@link Streams#STREAM_TEST} (id 0, index j).
 */
public final class HadamardData implements DataSource {
    private final int d;
    private final int target;
    private final boolean normalized;
    private final long seed;

    public HadamardData(int d, int target, boolean normalized, long seed) {
        if (d < 1 || Integer.bitCount(d) != 1) {
            throw new IllegalArgumentException("dimension d must be a power of two, got " + d);
        }
        if (target < 0 || target >= d) {
            throw new IllegalArgumentException("target must be in [0, " + d + "), got " + target);
        }
        this.d = d;
        this.target = target;
        this.normalized = normalized;
        this.seed = seed;
    }

    /** H_d[r][c] = (−1)^{popcount(r &amp; c)}. */
    public static double entry(int r, int c) {
        return (Integer.bitCount(r & c) & 1) == 0 ? 1.0 : -1.0;
    }

    public int target() {
        return target;
    }

    public boolean normalized() {
        return normalized;
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
        // uniform < 1, so r ≤ d − 1; d ≤ 2^30 keeps d·u exact enough for a uniform pick.
        int r = (int) (d * Streams.uniform(seed, id, stream, index));
        double scale = normalized ? 1.0 / Math.sqrt(d) : 1.0;
        for (int c = 0; c < d; c++) {
            x[c] = scale * entry(r, c);
        }
        return entry(r, target);
    }

    @Override
    public String describe() {
        return "hadamard(d=" + d + ", target=" + target + (normalized ? ", normalized" : "") + ")";
    }
}
