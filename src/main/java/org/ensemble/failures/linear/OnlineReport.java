package org.ensemble.failures.linear;

/** What observers see after {@code step} examples: the loss (u(z_j) − y_j)² averaged over all instances, and w. */
public record OnlineReport(long step, double loss, double[] weights) {
}
