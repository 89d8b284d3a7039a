package org.ensemble.step;

import java.util.List;

/**
 * The coordinator's numerics (no actors): the first order, and after every phase the merge of the
 * shards' partials (given in shard order, which is block order) into the measure, what observers
 * are told, and the next order. Runs on the coordinator's thread; an exception fails the run with
 * its message.
 */
public interface Reducer {
    StepOrder first();

    Decision reduce(List<Partial> partials, long[] computeNanos);

    /** The last step every shard has completed (for the outcome). */
    long step();

    /**
     * What this reducer needs to continue from the current barrier (including the order it has just
     * decided and not yet broadcast), as plain arrays for a checkpoint.
     */
    default List<StateArray> checkpoint() {
        throw new UnsupportedOperationException("this population kind cannot write checkpoints");
    }

    /** Restores {@link #checkpoint()}'s state, instead of {@link #first()}, and returns the order to broadcast. */
    default StepOrder resume(List<StateArray> state) {
        throw new UnsupportedOperationException("this population kind cannot resume from checkpoints");
    }
}
