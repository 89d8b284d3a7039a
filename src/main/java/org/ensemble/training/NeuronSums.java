package org.ensemble.training;

import org.ensemble.step.Partial;

/** A neuron shard's per-block output sums on a batch (block b's sample j at b·B + j; empty after the last step). */
public record NeuronSums(double[] sums) implements Partial {
}
