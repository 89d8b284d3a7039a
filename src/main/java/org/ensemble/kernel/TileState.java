package org.ensemble.kernel;

import org.ensemble.dynamics.PairInteraction;

/**
 * One tile of particles as {@link TilePasses} see it: the per-particle scratch the tiled stepper
 * loads and stores (Philox key words, 1-D positions, hit records) and the run's constants. Shared
 * by reference between the stepper and its passes; package-private because it is the stepper's
 * working memory, not a data type.
 */
final class TileState {
    // Per tile entry j.
    final int[] key0;
    final int[] idHi;
    final double[] x;
    final long[] hit;
    final int[] hitT;
    final boolean[] stopped;
    // Constants of the run.
    final long k1;
    final long c3;
    final double[] zx;
    final double[] zk;
    final double[] zf;
    final int potentialType;
    final double[] potentialParams;
    final boolean interacting;
    final double theta;
    final PairInteraction pairField;
    final double dt;
    final double noise;
    final int targetCount;
    final int[] targetTypes;
    final double[] targetParams;
    final boolean absorbing;
    /** 1-D: positions in [crossHigh, crossLow] (exclusive) are in no target (see TiledLangevinStepper.bounds). */
    final double crossLow;
    final double crossHigh;

    TileState(int tile, int dim, long k1, long c3, double[] zx, double[] zk, double[] zf, int potentialType,
              double[] potentialParams, boolean interacting, double theta, PairInteraction pairField, double dt,
              double noise, int[] targetTypes, double[] targetParams, boolean absorbing, double[] bounds) {
        this.key0 = new int[tile];
        this.idHi = new int[tile];
        this.x = new double[dim * tile];
        this.hit = new long[tile];
        this.hitT = new int[tile];
        this.stopped = new boolean[tile];
        this.k1 = k1;
        this.c3 = c3;
        this.zx = zx;
        this.zk = zk;
        this.zf = zf;
        this.potentialType = potentialType;
        this.potentialParams = potentialParams;
        this.interacting = interacting;
        this.theta = theta;
        this.pairField = pairField;
        this.dt = dt;
        this.noise = noise;
        this.targetCount = targetTypes.length;
        this.targetTypes = targetTypes;
        this.targetParams = targetParams;
        this.absorbing = absorbing;
        this.crossLow = bounds == null ? Double.NEGATIVE_INFINITY : bounds[0];
        this.crossHigh = bounds == null ? Double.POSITIVE_INFINITY : bounds[1];
    }
}
