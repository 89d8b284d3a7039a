package org.ensemble.step;

import java.util.List;

/**
 * Where the coordinator sends checkpoints (plain Java, no actors): asked at every step barrier
 * whether one is due, and given the reducer's state and every shard's member arrays, in shard order,
 * to write. A write that throws stops the run as failed with its message.
 */
public interface CheckpointSink {
    /** No checkpoints: a stop request ends the run without one. */
    CheckpointSink NONE = new CheckpointSink() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public boolean due(long step) {
            return false;
        }

        @Override
        public void write(long step, List<StateArray> reducer, List<List<StateArray>> shards) {
            throw new UnsupportedOperationException("no checkpoints");
        }
    };

    /** Whether a stop request should write a final checkpoint. */
    default boolean enabled() {
        return true;
    }

    /** Whether the barrier after step {@code step} should write a checkpoint. */
    boolean due(long step);

    void write(long step, List<StateArray> reducer, List<List<StateArray>> shards);
}
