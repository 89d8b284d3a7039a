package org.ensemble.failures;

/**
 * Parity on {±1}^d at scale: for each d, SGD on the full parity (all d coordinates) and on the k-sparse parity of
 * coordinates 0 … k−1 with the same budget of fresh samples, over seeds; a run succeeds when its final held-out
 * risk is below {@code successRisk}. Beside it the variance over parity targets of the population gradient of a
 * {@code gradientWidth}-neuron network: exact (all 2^d inputs) at {@code exactDimensions}, and the sampled two-batch
 * estimate ({@code gradientTargets} targets, batches of {@code gradientBatch}) at every study dimension.
 */
public record ParityScaleSpec(NetworkSettings network, int[] dimensions, int sparseK, long[] seeds,
                              double successRisk, int gradientWidth, int gradientTargets, int gradientBatch,
                              int[] exactDimensions, long gradientSeed) implements FailureProblem {
    @Override
    public String key() {
        return "parity-at-scale";
    }
}
