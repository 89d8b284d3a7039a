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
 * @param startPools per β, the points replicas start from instead of {@code start} (row-major, d
 *                   per point; replica i of run r takes point (r·n + i) mod count of its β's pool),
 *                   e.g. the entry points into ξ ≥ start recorded by a direct run; null: all at start
 * @param maxSteps a replica that reaches neither A nor B within this many steps fails the run
 * @param balls    A and B as balls instead of half-spaces of coordinate {@code axis}, or null; with
 *                 balls, a and b become the balls' levels ({@link Balls#levelOfA()}, {@link Balls#levelOfB()})
 *                 and {@code axis} is unused
 */
public record AmsSpec(Potential potential, double[] betas, double dt, long seed, int replicas, int kill,
                      int runsPerBeta, double[] start, int axis, double a, double b, boolean bridge, long maxSteps, int shards,
                      int blockSize, double[][] startPools, Balls balls) {
    public AmsSpec {
        if (balls != null) {
            if (balls.centreA().length != potential.dimension() || start.length != potential.dimension()) {
                throw new IllegalArgumentException("the balls and start must match the potential's dimension "
                        + potential.dimension());
            }
            if (balls.inA(start) || balls.inB(start)) {
                throw new IllegalArgumentException("start must lie outside A and B");
            }
            if (startPools != null) {
                throw new IllegalArgumentException("start pools need half-space sets");
            }
            a = balls.levelOfA();
            b = balls.levelOfB();
            axis = 0;
        }
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
        if (balls == null && !(start[axis] > a && start[axis] < b)) {
            throw new IllegalArgumentException("start must lie strictly between A and B, got ξ = " + start[axis]);
        }
        if (startPools != null) {
            if (startPools.length != betas.length) {
                throw new IllegalArgumentException("one start pool per β is needed");
            }
            for (double[] pool : startPools) {
                if (pool.length == 0 || pool.length % start.length != 0) {
                    throw new IllegalArgumentException("a start pool needs at least one point of dimension "
                            + start.length);
                }
                for (int i = axis; i < pool.length; i += start.length) {
                    if (!(pool[i] > a && pool[i] < b)) {
                        throw new IllegalArgumentException("start pool point with ξ = " + pool[i]
                                + " is not strictly between A and B");
                    }
                }
            }
        }
        if (betas.length < 1 || runsPerBeta < 1 || !(dt > 0)) {
            throw new IllegalArgumentException("AMS needs at least one β, one run and dt > 0");
        }
    }

    /** Without start pools: every replica starts at {@code start}. */
    public AmsSpec(org.ensemble.potential.Potential potential, double[] betas, double dt, long seed, int replicas,
                   int kill, int runsPerBeta, double[] start, int axis, double a, double b, boolean bridge,
                   long maxSteps, int shards, int blockSize) {
        this(potential, betas, dt, seed, replicas, kill, runsPerBeta, start, axis, a, b, bridge, maxSteps, shards,
                blockSize, null, null);
    }

    /** A and B as balls (ξ as {@link Balls} says); every replica starts at {@code start}. */
    public static AmsSpec ofBalls(Potential potential, double[] betas, double dt, long seed, int replicas, int kill,
                                  int runsPerBeta, double[] start, Balls balls, boolean bridge, long maxSteps,
                                  int shards, int blockSize) {
        return new AmsSpec(potential, betas, dt, seed, replicas, kill, runsPerBeta, start, 0, 0, 1, bridge, maxSteps,
                shards, blockSize, null, balls);
    }

    /** A trajectory's level at x: coordinate {@code axis}, or as {@link Balls#level} says. */
    public double level(double[] x) {
        return balls == null ? x[axis] : balls.level(x);
    }

    /** How far x lies above A (≤ 0 in A): ξ − a, or the distance from A's sphere. */
    double aboveA(double[] x) {
        return balls == null ? x[axis] - a : balls.aboveA(x);
    }

    /** This computation with replicas started from {@code pools} (one per β). */
    public AmsSpec withStartPools(double[][] pools) {
        return new AmsSpec(potential, betas, dt, seed, replicas, kill, runsPerBeta, start, axis, a, b, bridge, maxSteps,
                shards, blockSize, pools, balls);
    }

    /** This computation with {@code n} replicas per run. */
    public AmsSpec withReplicas(int n) {
        return new AmsSpec(potential, betas, dt, seed, n, kill, runsPerBeta, start, axis, a, b, bridge, maxSteps,
                shards, blockSize, startPools, balls);
    }

    /** Where replica {@code index} of run {@code run} starts its first trajectory. */
    double[] startOf(int run, long index) {
        if (startPools == null) {
            return start;
        }
        double[] pool = startPools[run / runsPerBeta];
        int d = start.length;
        long count = pool.length / d;
        int p = (int) (((long) run * replicas + index) % count);
        return java.util.Arrays.copyOfRange(pool, p * d, (p + 1) * d);
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
