package org.ensemble.failures;

/**
 * Linear-periodic targets y = cos⟨w*, x⟩ on x ~ N(0, I_d): the variance over {@code directions} random directions
 * of the population gradient at the network's initial parameters for each norm r in {@code gradientNorms}, beside
 * its closed form; and SGD on the target for each norm in {@code trainingNorms} over seeds, a run succeeding when
 * its final held-out risk is below {@code successRatio} × the risk of the best constant.
 */
public record LinearPeriodicSpec(NetworkSettings network, int dimension, double[] gradientNorms, int directions,
                                 long gradientSeed, double[] trainingNorms, long[] seeds, double successRatio)
        implements FailureProblem {
    @Override
    public String key() {
        return "linear-periodic";
    }
}
