package org.ensemble.failures;

/**
 * End-to-end against decomposition on the parity of k sub-labels sign⟨v_j, x_j⟩ (k blocks of {@code blockDimension}
 * Gaussian coordinates): for each k in {@code blocks} and each seed, one network trained end to end on (x, y)
 * against one network per block trained on (x_j, s_j) with the same samples and budget, composed as
 * Π_j sign f_j(x_j); success is a held-out 0-1 error below {@code successError}. The gradient signal-to-noise ratio
 * at initialisation from {@code snrSamples} samples.
 */
public record DecompositionSpec(NetworkSettings network, int[] blocks, int blockDimension, long[] seeds,
                                double successError, int snrSamples) implements FailureProblem {
    @Override
    public String key() {
        return "end-to-end-vs-decomposition";
    }
}
