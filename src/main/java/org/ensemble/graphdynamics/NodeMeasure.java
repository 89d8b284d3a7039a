package org.ensemble.graphdynamics;

/**
 * The population at one step: the order parameter r·e^{iψ} = (1/N) Σ e^{i x_j}, the mean and
 * variance of the states (for consensus the variance is the consensus error (1/N) Σ (x_j − x̄)²),
 * and every state in id order when it was asked for (else null).
 */
public record NodeMeasure(long step, double time, double r, double psi, double mean, double variance,
                          double[] states) {
}
