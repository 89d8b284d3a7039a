package org.ensemble.training;

import org.ensemble.step.Partial;

/** A neuron shard's held-out output sums and its neurons' |w|, a and b at a report step. */
public record NeuronEvaluation(double[] testSums, double[] radii, double[] a, double[] b) implements Partial {
}
