package org.ensemble.step;

/**
 * The numerics one shard owns (no actors): its members' state and how they answer a step order.
 * Built by a {@link ModelRecipe} inside the shard actor's own set-up.
 */
public interface ShardModel extends AutoCloseable {
    /** Runs the order on this shard's members and returns what the reducer needs. */
    Partial phase(StepOrder order);

    /** Releases devices (OpenCL contexts); the default holds none. */
    @Override
    default void close() {
    }
}
