package org.ensemble.kernel;

import org.ensemble.population.ParticleSlab;

/**
 * Advances the active particles of a slab by a chunk of time steps. Implementations are
 * backends of one algorithm and must give the same particle trajectories (bit for bit between
 * the Java paths, to round-off on OpenCL). Not thread-safe: one stepper per shard.
 */
public interface SlabStepper extends AutoCloseable {
    /**
     * Steps {@code fromStep + 1 … fromStep + steps}. {@code fieldMean} is the broadcast ensemble
     * mean (length ≥ dimension) for interacting dynamics, ignored otherwise.
     */
    void advance(ParticleSlab slab, long fromStep, int steps, double[] fieldMean);

    /** Which backend and device actually ran, for logs and summaries. */
    String device();

    @Override
    default void close() {
    }
}
