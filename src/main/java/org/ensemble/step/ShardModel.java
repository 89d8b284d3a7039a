package org.ensemble.step;

/**
 * The numerics one shard owns (no actors): its members' state and how they answer a step order.
 * Built by a {@link ModelRecipe} inside the shard actor's own set-up.
 */
public interface ShardModel extends AutoCloseable {
    /** Runs the order on this shard's members and returns what the reducer needs. */
    Partial phase(StepOrder order);

    /** This shard's member arrays at a step barrier, one row per member (for a checkpoint). */
    default java.util.List<StateArray> snapshot() {
        throw new UnsupportedOperationException("this population kind cannot write checkpoints");
    }

    /**
     * Replaces the members' state with checkpointed rows taken at the barrier after {@code step},
     * before any order runs; caches a model keeps between orders are rebuilt from them.
     */
    default void restore(java.util.List<StateArray> rows, long step) {
        throw new UnsupportedOperationException("this population kind cannot resume from checkpoints");
    }

    /** Releases devices (OpenCL contexts); the default holds none. */
    @Override
    default void close() {
    }
}
