package org.ensemble.failures.linear;

import org.ensemble.step.Partial;

/**
 * A shard's answer, per block in id order: its contribution to the next example's prediction, its
 * normalising mass (EG), and when the order asked to observe its contribution to the effective
 * weight vector (blocks × d, else null).
 */
public record OnlinePartial(double[] predictions, double[] masses, double[] contributions) implements Partial {
}
