package org.ensemble.coordinates;

import org.ensemble.step.Partial;

/**
 * A shard's answer: its blocks' partial outputs (blocks × n, row-major, block order) and, when the
 * order asked to observe, the weights of its coordinates in id order (else null).
 */
public record CoordinatePartial(int blocks, double[] outputs, double[] weights) implements Partial {
}
