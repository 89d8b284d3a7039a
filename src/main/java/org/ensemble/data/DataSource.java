package org.ensemble.data;

/**
 * Where training and held-out samples come from. Every sample is a pure function of its source's
 * seed and its index, never of a shared generator's state, so every shard can draw the same batch
 * for itself and runs are reproducible for any shard count (DESIGN.md §4).
 */
public interface DataSource {
    /** Input dimension d. */
    int dimension();

    /**
     * Writes sample {@code j} of the batch of training step {@code step} into {@code x} (length
     * {@link #dimension()}) and returns its label.
     */
    double trainSample(long step, int j, double[] x);

    /**
     * The label of {@link #trainSample}{@code (step, j, x)} alone (the coordinator needs only the
     * label; the shards draw the inputs themselves). {@code scratch} has length {@link #dimension()};
     * a source whose label does not need the inputs overrides this to skip drawing them.
     */
    default double trainLabel(long step, int j, double[] scratch) {
        return trainSample(step, j, scratch);
    }

    /** Held-out sample {@code j}, from a stream disjoint from the training stream. */
    double testSample(long j, double[] x);

    /** A short description for summaries, e.g. "isotropic-gaussians(d=40, delta=0.5)". */
    String describe();
}
