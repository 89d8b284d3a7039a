package org.ensemble.population;

import java.util.Arrays;

/**
 * The particles of one contiguous id range [firstId, firstId + n), one or more whole blocks, as
 * structure-of-arrays: coordinate c of particle i is {@code pos[c * n + i]}. A shard owns one slab;
 * kernels update it in place. {@code active} lists, in id order, the particles that still move
 * (absorbed particles leave it and stop costing compute).
 */
public final class ParticleSlab {
    private final long firstId;
    private final int n;
    private final int dimension;
    private final double[] pos;
    private final double[] vel;
    private final long[] hitStep;
    private final int[] hitTarget;
    private final int[] active;
    private int activeCount;

    public ParticleSlab(long firstId, int n, int dimension, boolean withVelocity) {
        if (n < 1 || dimension < 1) {
            throw new IllegalArgumentException("slab needs n ≥ 1 and dimension ≥ 1, got " + n + ", " + dimension);
        }
        if ((long) n * dimension > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("slab too large: " + n + " particles × " + dimension);
        }
        this.firstId = firstId;
        this.n = n;
        this.dimension = dimension;
        this.pos = new double[n * dimension];
        this.vel = withVelocity ? new double[n * dimension] : null;
        this.hitStep = new long[n];
        this.hitTarget = new int[n];
        Arrays.fill(hitTarget, -1);
        this.active = new int[n];
        for (int i = 0; i < n; i++) {
            active[i] = i;
        }
        this.activeCount = n;
    }

    public long firstId() {
        return firstId;
    }

    public int size() {
        return n;
    }

    public int dimension() {
        return dimension;
    }

    /** Positions, coordinate-major; mutable by kernels. */
    public double[] positions() {
        return pos;
    }

    /** Velocities (underdamped) or null. */
    public double[] velocities() {
        return vel;
    }

    public boolean hasVelocities() {
        return vel != null;
    }

    /** Step at which each particle first entered a target (0: not yet). */
    public long[] hitSteps() {
        return hitStep;
    }

    /** Index of the target first entered, or −1. */
    public int[] hitTargets() {
        return hitTarget;
    }

    /** Slab indices of moving particles, ascending; only the first {@link #activeCount()} are valid. */
    public int[] active() {
        return active;
    }

    public int activeCount() {
        return activeCount;
    }

    public double position(int i, int c) {
        return pos[c * n + i];
    }

    /**
     * Drops particles that have hit a target from the active list (absorbing targets), keeping
     * id order so every backend visits particles in the same order.
     */
    public void retireAbsorbed() {
        int k = 0;
        for (int j = 0; j < activeCount; j++) {
            int i = active[j];
            if (hitStep[i] == 0) {
                active[k++] = i;
            }
        }
        activeCount = k;
    }
}
