package org.ensemble.sgd;

/**
 * What observers see every {@code reportEvery} server versions (and at the end): the version and
 * simulated time, the risk at the current parameters, the window's mean of |x − x*|² over its
 * versions (NaN when the optimum is unknown), the first coordinates of x, and the window's
 * staleness counts as (worker, staleness, count) triples, and the window's sums for the
 * effective-momentum fit ({@link MomentumFit}; empty when the exact gradient is unknown).
 */
public record SgdReport(long version, double time, double loss, double windowSquaredError, int windowVersions,
                        double[] x, long[] staleness, double[] momentumFit) implements org.ensemble.step.WireMessage {
    /** How many leading coordinates of x a report carries. */
    public static final int COORDINATES = 8;
}
