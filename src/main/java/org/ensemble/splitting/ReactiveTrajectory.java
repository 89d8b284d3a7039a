package org.ensemble.splitting;

/**
 * A trajectory that reached B, replayed from its start: states at steps {@code firstStep},
 * firstStep + 1, … (row-major, d per step).
 */
public record ReactiveTrajectory(int run, double beta, int replica, long firstStep, int dimension, double[] states) {
    public int length() {
        return states.length / dimension;
    }
}
