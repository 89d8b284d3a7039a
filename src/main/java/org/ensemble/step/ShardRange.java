package org.ensemble.step;

/**
 * The members one shard owns: ids {@code [firstId, firstId + size)}, which are logical blocks
 * {@code firstBlock … firstBlock + blockCount − 1} (granularity block), or one member of block
 * {@code firstBlock} (granularity member, {@code blockCount = 1}, {@code size = 1}).
 */
public record ShardRange(int index, long firstId, int size, int firstBlock, int blockCount, Granularity granularity)
        implements WireMessage {
    public ShardRange {
        if (size < 1 || blockCount < 1 || firstId < 0 || firstBlock < 0) {
            throw new IllegalArgumentException("shard " + index + ": empty or negative range");
        }
    }
}
