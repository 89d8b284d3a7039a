package org.ensemble.graphdynamics;

import org.ensemble.step.Partial;

/**
 * A shard's answer: its blocks' sums (blocks × 4: Σcos x, Σsin x, Σx, Σx², from {@code firstBlock}),
 * its halo states in id order, and, when the order asked to observe, all its states (else null).
 */
public record NodePartial(int firstBlock, double[] sums, double[] halo, double[] states) implements Partial {
}
