package org.ensemble.langevin;

import java.util.List;
import org.ensemble.step.Partial;

/** A block shard's answer: per-block statistics in block order, its active particles and phase timings. */
public record ParticleBlocks(List<BlockStatistics> blocks, long active, long advanceNanos, long statisticsNanos)
        implements Partial {
}
