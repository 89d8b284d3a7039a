package org.ensemble.data;

import java.util.Arrays;
import org.ensemble.random.Streams;

/**
 * Sparse parity: bits z uniform on {0,1}^d and y = (−1)^{Σ_{i∈S} z_i} for a fixed non-empty subset
 * S of the coordinates. With {@code signs} the inputs are x_i = 1 − 2 z_i ∈ {+1, −1} (bit 0 ↦ +1),
 * so that y = Π_{i∈S} x_i; otherwise x = z. The label is a function of x, so labels are
 * noiseless and balanced.
 *
 * <p>Randomness: bit c of sample {@code index} is uniform(seed, id, stream, index·d + c) &lt; 1/2,
 * on {@link Streams#STREAM_DATA} (id j, index step) and {@link Streams#STREAM_TEST} (id 0, index j).
 */
public final class ParityData implements DataSource {
    private final int d;
    private final int[] subset;
    private final boolean signs;
    private final long seed;

    /** Inputs in {0,1}. */
    public ParityData(int d, int[] subset, long seed) {
        this(d, subset, false, seed);
    }

    public ParityData(int d, int[] subset, boolean signs, long seed) {
        if (d < 1) {
            throw new IllegalArgumentException("dimension d must be ≥ 1, got " + d);
        }
        if (subset == null || subset.length == 0) {
            throw new IllegalArgumentException("subset must name at least one coordinate");
        }
        int[] sorted = subset.clone();
        Arrays.sort(sorted);
        for (int t = 0; t < sorted.length; t++) {
            if (sorted[t] < 0 || sorted[t] >= d) {
                throw new IllegalArgumentException("subset coordinate " + sorted[t] + " is outside [0, " + d + ")");
            }
            if (t > 0 && sorted[t] == sorted[t - 1]) {
                throw new IllegalArgumentException("subset coordinate " + sorted[t] + " appears twice");
            }
        }
        this.d = d;
        this.subset = sorted;
        this.signs = signs;
        this.seed = seed;
    }

    /** The coordinates of S, sorted (a copy). */
    public int[] subset() {
        return subset.clone();
    }

    public boolean signs() {
        return signs;
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
        for (int c = 0; c < d; c++) {
            boolean one = Streams.uniform(seed, id, stream, base + c) < 0.5;
            x[c] = signs ? (one ? -1.0 : 1.0) : (one ? 1.0 : 0.0);
        }
        // Parity of the bits in S; bit 1 is x = 1 (0/1 inputs) or x = −1 (signs).
        double oneValue = signs ? -1.0 : 1.0;
        int ones = 0;
        for (int i : subset) {
            if (x[i] == oneValue) {
                ones++;
            }
        }
        return (ones & 1) == 0 ? 1.0 : -1.0;
    }

    @Override
    public String describe() {
        return "parity(d=" + d + ", subset=" + Arrays.toString(subset) + (signs ? ", signs" : "") + ")";
    }
}
