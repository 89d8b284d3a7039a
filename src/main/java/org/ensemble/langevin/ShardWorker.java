package org.ensemble.langevin;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.kernel.SlabStepper;
import org.ensemble.population.BlockLayout;
import org.ensemble.population.ParticleSlab;

/**
 * The numerics behind a shard actor: one slab holding a contiguous range of whole blocks, a
 * stepper for it, and per-block statistics after each phase. No actors here, so tests drive it
 * directly.
 */
public final class ShardWorker implements AutoCloseable {
    private final ParticleSlab slab;
    private final SlabStepper stepper;
    private final BlockLayout layout;
    private final int firstBlock;
    private final int blockCount;
    private final ObservationSpec spec;
    private final boolean absorbing;

    public ShardWorker(ParticleSlab slab, SlabStepper stepper, BlockLayout layout, int firstBlock, int blockCount,
                       ObservationSpec spec) {
        if (slab.firstId() != layout.blockStart(firstBlock)) {
            throw new IllegalArgumentException("slab must start at its first block");
        }
        this.slab = slab;
        this.stepper = stepper;
        this.layout = layout;
        this.firstBlock = firstBlock;
        this.blockCount = blockCount;
        this.spec = spec;
        this.absorbing = spec.absorbing();
    }

    public ParticleSlab slab() {
        return slab;
    }

    public String device() {
        return stepper.device();
    }

    /** Advances steps fromStep+1 … fromStep+steps (none when steps = 0). */
    public void advance(long fromStep, int steps, double[] field) {
        if (steps > 0) {
            stepper.advance(slab, fromStep, steps, field);
            if (absorbing) {
                slab.retireAbsorbed();
            }
        }
    }

    /** Statistics of every block, in block order, for the phase (fromStep, toStep]. */
    public List<BlockStatistics> statistics(StatisticsLevel level, long fromStep, long toStep) {
        List<BlockStatistics> out = new ArrayList<>(blockCount);
        int lo = 0;
        for (int b = firstBlock; b < firstBlock + blockCount; b++) {
            int len = layout.blockLength(b);
            out.add(BlockStatistics.of(slab, lo, lo + len, b, spec, level, fromStep, toStep));
            lo += len;
        }
        return out;
    }

    /** Whether particles that hit a target stop moving. */
    public boolean absorbing() {
        return absorbing;
    }

    public long activeCount() {
        return slab.activeCount();
    }

    @Override
    public void close() {
        stepper.close();
    }
}
