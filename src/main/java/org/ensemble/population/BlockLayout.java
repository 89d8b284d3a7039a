package org.ensemble.population;

/**
 * How N particles split into fixed-size blocks (the unit of determinism) and how whole blocks
 * are dealt to shards as contiguous ranges. Block b holds ids [b·blockSize, min(N, (b+1)·blockSize)).
 */
public record BlockLayout(long particles, int blockSize) {
    public BlockLayout {
        if (particles < 1) {
            throw new IllegalArgumentException("population size must be ≥ 1, got " + particles);
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be ≥ 1, got " + blockSize);
        }
    }

    public int blocks() {
        long b = (particles + blockSize - 1) / blockSize;
        if (b > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many blocks: " + b);
        }
        return (int) b;
    }

    public long blockStart(int block) {
        return (long) block * blockSize;
    }

    public int blockLength(int block) {
        return (int) (Math.min(particles, blockStart(block) + blockSize) - blockStart(block));
    }

    /** Shards actually used: never more than there are blocks. */
    public int shardsFor(int requested) {
        return Math.max(1, Math.min(requested, blocks()));
    }

    /** First block of shard s when blocks are dealt as evenly as possible to {@code shards} shards. */
    public int firstBlockOf(int shard, int shards) {
        int blocks = blocks();
        return (int) ((long) blocks * shard / shards);
    }
}
