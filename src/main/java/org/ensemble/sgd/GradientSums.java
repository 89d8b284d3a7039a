package org.ensemble.sgd;

import java.util.List;
import org.ensemble.step.Partial;

/**
 * One shard's answer to a round: for each job of the round its workers computed, the job's position
 * in the round and its exact gradient sum (one expansion per coordinate).
 */
public record GradientSums(List<Computed> computed) implements Partial {
    public GradientSums {
        computed = List.copyOf(computed);
    }

    /** Job {@code position} of the round and its gradient sum. */
    public record Computed(int position, double[][] sum) implements org.ensemble.step.WireMessage {
    }
}
