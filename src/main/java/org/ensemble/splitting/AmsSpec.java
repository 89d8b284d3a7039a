package org.ensemble.splitting;

import org.ensemble.potential.Potential;

/**
 * One AMS computation: {@code runsPerBeta} independent AMS runs of {@code replicas} replicas at each
 * β, overdamped Euler–Maruyama with step {@code dt}, reaction coordinate ξ = coordinate {@code axis},
 * A = {ξ ≤ a}, B = {ξ ≥ b}, every replica started at {@code start}. Member m is replica
 * m mod replicas of run m / replicas; run r has β = betas[r / runsPerBeta].
 *
 * @param kill     k: each iteration kills the replicas at or below the k-th lowest maximum level
 * @param bridge   also count A as hit when the Brownian bridge between grid points crosses a
 * @param maxSteps a replica that reaches neither A nor B within this many steps fails the run
 */
public record AmsSpec(Potential potential, double[] betas, double dt, long seed, int replicas, int kill,
                      int runsPerBeta, double[] start, int axis, double a, double b, boolean bridge, long maxSteps, int shards,
                      int blockSize) {
    public AmsSpec {
        if (!(b > a)) {
            throw new IllegalArgumentException("AMS needs b > a (ξ increasing from A to B), got a = " + a + ", b = " + b);
        }
        if (kill < 1 || kill >= replicas) {
            throw new IllegalArgumentException("AMS needs 1 ≤ kill < replicas, got kill = " + kill + ", replicas = "
                    + replicas);
        }
        if (start.length != potential.dimension() || axis < 0 || axis >= start.length) {
            throw new IllegalArgumentException("start and coordinate must match the potential's dimension "
                    + potential.dimension());
        }
        if (!(start[axis] > a && start[axis] < b)) {
            throw new IllegalArgumentException("start must lie strictly between A and B, got ξ = " + start[axis]);
        }
        if (betas.length < 1 || runsPerBeta < 1 || !(dt > 0)) {
            throw new IllegalArgumentException("AMS needs at least one β, one run and dt > 0");
        }
    }

    public int runs() {
        return betas.length * runsPerBeta;
    }

    public long members() {
        return (long) runs() * replicas;
    }

    public int dimension() {
        return start.length;
    }

    public double betaOfRun(int run) {
        return betas[run / runsPerBeta];
    }

    /** The lineage id of replica i's first trajectory in run r; branches get (r, replicas, replicas + 1, …). */
    static long lineage(int run, long index) {
        return ((long) run << 32) | index;
    }
}
