package org.ensemble.training;

/**
 * The network at a report step: mean-field time, the mean training loss of the batches since the
 * previous report (each batch fresh, so an unbiased estimate of the population risk along the way),
 * the held-out risk (NaN without held-out samples), and every neuron's |w|, a and b in id order.
 */
public record TrainingReport(long step, double time, double trainRisk, double testRisk, double[] radii, double[] a,
                             double[] b) implements TrainingMeasure {
}
