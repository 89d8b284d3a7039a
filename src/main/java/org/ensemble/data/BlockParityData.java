package org.ensemble.data;

import org.ensemble.random.Streams;

/**
 * The end-to-end-versus-decomposition target of Shalev-Shwartz, Shamir & Shammah (2017): x = (x_1, …, x_k),
 * k blocks of m coordinates, x ~ N(0, I_{km}); sub-labels s_j = sign⟨v_j, x_j⟩ with unit v_j fixed by the
 * teacher seed; the label y = s_1·s_2·…·s_k (their parity). With {@code block = −1} the source shows the whole
 * x and y (end-to-end training); with {@code block = j} it shows only x_j and s_j of the same samples (the
 * intermediate supervision of the decomposition), so a network per block sees exactly the inputs the
 * end-to-end network sees, block by block.
 *
 * <p>Randomness: v_j is the normalised vector of auxNormal(teacherSeed, j, {@link Streams#STREAM_TEACHER}, c);
 * coordinate c of block j of sample {@code index} is auxNormal(blockSeed(seed, j), id, stream, index·m + c) on
 * {@link Streams#STREAM_DATA} (id j, index step) and {@link Streams#STREAM_TEST} (id 0, index j): each block has
 * its own Philox key, so block j's samples are the same whatever k is (the networks trained on block j serve
 * every k ≥ j + 1, and the end-to-end inputs for k blocks are the first k blocks of those for more).
 */
public final class BlockParityData implements DataSource {
    private final int blocks;
    private final int m;
    private final int block;
    private final long teacherSeed;
    private final long seed;
    private final double[][] v;
    private final ThreadLocal<double[]> whole;

    public BlockParityData(int blocks, int blockDimension, int block, long teacherSeed, long seed) {
        if (blocks < 1 || blockDimension < 1) {
            throw new IllegalArgumentException("blocks and block dimension must be ≥ 1, got " + blocks + ", "
                    + blockDimension);
        }
        if (block < -1 || block >= blocks) {
            throw new IllegalArgumentException("block must be −1 (the parity of all blocks) or in [0, " + (blocks - 1)
                    + "], got " + block);
        }
        this.blocks = blocks;
        this.m = blockDimension;
        this.block = block;
        this.teacherSeed = teacherSeed;
        this.seed = seed;
        this.v = new double[blocks][];
        for (int j = 0; j < blocks; j++) {
            v[j] = LinearPeriodicData.unitDirection(m, teacherSeed, j);
        }
        int total = blocks * blockDimension;
        this.whole = ThreadLocal.withInitial(() -> new double[total]);
    }

    public int blocks() {
        return blocks;
    }

    public int blockDimension() {
        return m;
    }

    /** −1: the parity of all blocks; j: block j's sub-label alone. */
    public int block() {
        return block;
    }

    /** The same samples seen through block j's sub-label (intermediate supervision). */
    public BlockParityData forBlock(int j) {
        return new BlockParityData(blocks, m, j, teacherSeed, seed);
    }

    /** s_j = sign⟨v_j, x_j⟩ of block j of a whole sample x (length k·m); +1 on the null set ⟨v_j, x_j⟩ = 0. */
    public double subLabel(double[] x, int j) {
        double z = 0;
        for (int c = 0; c < m; c++) {
            z += v[j][c] * x[j * m + c];
        }
        return z >= 0 ? 1.0 : -1.0;
    }

    @Override
    public int dimension() {
        return block < 0 ? blocks * m : m;
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
        double[] all = block < 0 ? x : whole.get();
        int first = block < 0 ? 0 : block;
        int last = block < 0 ? blocks - 1 : block;
        long base = index * m;
        for (int j = first; j <= last; j++) {
            long key = blockSeed(seed, j);
            for (int c = 0; c < m; c++) {
                all[j * m + c] = Streams.auxNormal(key, id, stream, base + c);
            }
        }
        if (block >= 0) {
            System.arraycopy(all, block * m, x, 0, m);
            return subLabel(all, block);
        }
        double y = 1;
        for (int b = 0; b < blocks; b++) {
            y *= subLabel(all, b);
        }
        return y;
    }

    /** The Philox seed of block j's coordinates: the data seed mixed with j (golden-ratio increments). */
    static long blockSeed(long seed, int j) {
        return seed + 0x9E3779B97F4A7C15L * (j + 1L);
    }

    @Override
    public String describe() {
        return "block-parity(k=" + blocks + ", m=" + m + (block >= 0 ? ", block=" + block : "") + ")";
    }
}
