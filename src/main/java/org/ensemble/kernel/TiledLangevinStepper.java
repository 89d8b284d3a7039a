package org.ensemble.kernel;

import org.ensemble.dynamics.LangevinDynamics;
import org.ensemble.dynamics.LangevinType;
import org.ensemble.dynamics.MeanAttraction;
import org.ensemble.dynamics.OverdampedLangevin;
import org.ensemble.dynamics.UnderdampedBaoab;
import org.ensemble.population.ParticleSlab;
import org.ensemble.potential.DevicePotentials;
import org.ensemble.potential.KernelPotential;
import org.ensemble.potential.Potential;
import org.ensemble.random.Streams;
import org.ensemble.random.Ziggurat;
import org.ensemble.dynamics.PairInteraction;

/**
 * The {@code java} backend: the same arithmetic as {@link LangevinKernel}, reorganised
 * step-major over tiles of particles ({@value #DEFAULT_TILE} by default) so that the Philox rounds run as one
 * vectorizable pass per tile instead of a scalar chain per particle, and the Ziggurat and the 1-D
 * update run eight particles at a time ({@link TilePasses}: the Vector API where 512-bit vectors
 * are native, else {@link org.ensemble.random.PhiloxTile} and scalar loops); results are bit-identical to the kernel's
 * per-particle method (tested), because each particle still sees the same counters and the same
 * floating-point expressions in the same order.
 *
 * <p>Any potential works here; built-ins (d ≤ 3) are evaluated through {@link DevicePotentials}
 * like the device kernel, user potentials through {@link Potential#gradient}.
 */
public final class TiledLangevinStepper implements SlabStepper {
    /** Default tile: large enough to amortise the Philox passes, small enough to stay in L1/L2. */
    public static final int DEFAULT_TILE = 512;

    private final int tile;

    private final int dim;
    private final boolean underdamped;
    private final double dt;
    private final double noise;
    private final double halfDt;
    private final double ouDecay;
    private final double ouNoise;
    private final int potentialType;
    private final double[] potentialParams;
    private final Potential potential;
    private final boolean interacting;
    private final PairInteraction pairField;
    private final double theta;
    private final EscapeTargets targets;
    private final int targetCount;
    private final int[] targetTypes;
    private final double[] targetParams;
    private final boolean absorbing;
    private final long seed;
    /** 1-D only: {lowest lower edge, highest upper edge} over all targets (see stepOneDimension). */
    private final double[] oneDimensionalBounds;
    private final double[] zx = Ziggurat.tableX();
    private final double[] zk = Ziggurat.tableK();
    private final double[] zf = Ziggurat.tableF();

    // Tile scratch, coordinate-major: x[c * tile + j].
    private final int[] slot;
    /** The tile's Philox blocks as 64-bit words: w01 for even draws, w23 for odd ones. */
    private final long[] w01;
    private final long[] w23;
    private final double[] v;
    private final double[] force;
    private final double[] gauss;
    private final double[] px;
    // Second halves of the last Philox blocks, by slab index (see advance).
    private ParticleSlab cacheSlab;
    private long cachePair = -1;
    private long[] cacheW23;
    private final double[] pg;
    /** The tile's per-particle state and the run's constants, shared with the passes. */
    private final TileState t;
    private final int[] key0;
    private final int[] idHi;
    private final double[] x;
    private final long[] hit;
    private final int[] hitT;
    private final boolean[] stopped;
    private final TilePasses passes;

    public TiledLangevinStepper(LangevinSetup setup) {
        this(setup, DEFAULT_TILE);
    }

    /** A smaller {@code tile} saves memory where slabs are tiny (one particle per actor); results do not depend on it. */
    public TiledLangevinStepper(LangevinSetup setup, int tile) {
        this(setup, tile, TilePasses.create());
    }

    /** With the given passes (package-private: tests compare the scalar and vector ones). */
    TiledLangevinStepper(LangevinSetup setup, int tile, TilePasses passes) {
        if (tile < 1) {
            throw new IllegalArgumentException("tile must be ≥ 1");
        }
        this.tile = tile;
        LangevinDynamics d = setup.dynamics();
        this.dim = setup.dimension();
        this.underdamped = d.type() == LangevinType.UNDERDAMPED;
        this.dt = d.dt();
        this.noise = d.noise();
        this.halfDt = d.halfDt();
        this.ouDecay = d.ouDecay();
        this.ouNoise = d.ouNoise();
        this.potential = setup.potential();
        KernelPotential form = potential.kernelForm().orElse(null);
        this.potentialType = form == null ? 0 : form.type();
        this.potentialParams = form == null ? new double[0] : form.params();
        this.pairField = setup.pair();
        // The mean pull reads the mean from the field; pair interactions read a table or positions.
        this.interacting = setup.interacting() && pairField == null;
        this.theta = setup.theta();
        this.targets = setup.targets();
        this.targetCount = targets.count();
        this.targetTypes = targets.types();
        this.targetParams = targets.params();
        this.absorbing = setup.absorbing();
        this.seed = setup.seed();
        this.oneDimensionalBounds = dim == 1 ? bounds(targetTypes, targetParams) : null;
        this.passes = passes;
        this.t = new TileState(tile, dim, Streams.key1(seed), Streams.ctr3(seed), zx, zk, zf, potentialType,
                potentialParams, interacting, theta, pairField, dt, noise, targetTypes, targetParams, absorbing,
                oneDimensionalBounds);
        this.slot = new int[tile];
        this.key0 = t.key0;
        this.idHi = t.idHi;
        this.w01 = new long[tile];
        this.w23 = new long[tile];
        this.x = t.x;
        this.v = new double[dim * tile];
        this.force = new double[dim * tile];
        this.gauss = new double[dim * tile];
        this.hit = t.hit;
        this.hitT = t.hitT;
        this.stopped = t.stopped;
        this.px = new double[dim];
        this.pg = new double[dim];
    }

    @Override
    public String device() {
        return "java (tiled, this JVM's threads, " + passes.name() + " passes)";
    }

    @Override
    public void advance(ParticleSlab slab, long fromStep, int steps, double[] fieldMean) {
        int[] active = slab.active();
        int count = slab.activeCount();
        long firstQ = fromStep * dim;
        long lastQ = (fromStep + steps) * dim - 1;
        // One Philox block serves two draws; when a call ends after the first half of a block (one
        // step per call in interacting runs, d = 1), its second half is kept for the next call.
        boolean cached = cacheSlab == slab && (firstQ & 1L) == 1 && cachePair == (firstQ >>> 1);
        boolean keep = steps > 0 && (lastQ & 1L) == 0;
        if (keep && (cacheW23 == null || cacheW23.length < slab.size())) {
            cacheW23 = new long[slab.size()];
        }
        if (steps == 1 && dim == 1 && !underdamped && potentialType != 0 && targetCount == 0) {
            singleStepInPlace(slab, fromStep, fieldMean, cached, keep);
            cacheSlab = keep ? slab : null;
            cachePair = keep ? lastQ >>> 1 : -1;
            return;
        }
        for (int lo = 0; lo < count; lo += tile) {
            int m = Math.min(tile, count - lo);
            load(slab, active, lo, m);
            if (underdamped) {
                forces(m, fieldMean);
            }
            long pair = -1;
            if (cached) {
                for (int j = 0; j < m; j++) {
                    w23[j] = cacheW23[slot[j]];
                }
                pair = firstQ >>> 1;
            }
            for (int s = 0; s < steps; s++) {
                long step = fromStep + s;
                if (dim == 1 && !underdamped && potentialType != 0) {
                    pair = stepOneDimension(m, step, pair, fieldMean);
                    continue;
                }
                pair = draw(m, step, pair);
                if (underdamped) {
                    baoab(m, fieldMean);
                    if (targetCount > 0) {
                        checkTargets(m, step + 1);
                    }
                } else if (potentialType != 0 && dim <= 3) {
                    eulerMaruyamaFused(m, fieldMean, step + 1);
                } else {
                    forces(m, fieldMean);
                    eulerMaruyama(m);
                    if (targetCount > 0) {
                        checkTargets(m, step + 1);
                    }
                }
            }
            if (keep) {
                for (int j = 0; j < m; j++) {
                    cacheW23[slot[j]] = w23[j];
                }
            }
            store(slab, m);
        }
        cacheSlab = keep ? slab : null;
        cachePair = keep ? lastQ >>> 1 : -1;
    }

    private void load(ParticleSlab slab, int[] active, int lo, int m) {
        int n = slab.size();
        double[] pos = slab.positions();
        double[] vel = slab.velocities();
        long[] hs = slab.hitSteps();
        int[] ht = slab.hitTargets();
        for (int j = 0; j < m; j++) {
            int i = active[lo + j];
            slot[j] = i;
            long id = slab.firstId() + i;
            key0[j] = (int) Streams.key0(id);
            idHi[j] = (int) Streams.ctr2(id);
            // Without targets the hit arrays never change: skip their memory traffic.
            if (targetCount > 0) {
                hit[j] = hs[i];
                hitT[j] = ht[i];
            }
            stopped[j] = false;
            for (int c = 0; c < dim; c++) {
                x[c * tile + j] = pos[c * n + i];
                if (underdamped) {
                    v[c * tile + j] = vel[c * n + i];
                }
            }
        }
    }

    private void store(ParticleSlab slab, int m) {
        int n = slab.size();
        double[] pos = slab.positions();
        double[] vel = slab.velocities();
        long[] hs = slab.hitSteps();
        int[] ht = slab.hitTargets();
        for (int j = 0; j < m; j++) {
            int i = slot[j];
            if (targetCount > 0) {
                hs[i] = hit[j];
                ht[i] = hitT[j];
            }
            for (int c = 0; c < dim; c++) {
                pos[c * n + i] = x[c * tile + j];
                if (underdamped) {
                    vel[c * n + i] = v[c * tile + j];
                }
            }
        }
    }

    /** Gaussian draws q = step·d + c for the tile; refills the Philox tile when q's block pair changes. */
    private long draw(int m, long step, long pair) {
        for (int c = 0; c < dim; c++) {
            long q = step * dim + c;
            if ((q >>> 1) != pair) {
                pair = q >>> 1;
                refill(m, q);
            }
            passes.normals(t, m, (q & 1L) == 0 ? w01 : w23, Streams.slowCtr0(q), Streams.slowCtr1(q), gauss,
                    c * tile);
        }
        return pair;
    }

    /**
     * One step of the 1-D overdamped dynamics without targets, updating the slab in place: the
     * per-step phase of interacting runs, where copying tiles in and out would cost as much as the
     * step itself (the data no longer stay in cache between steps). Same expressions as
     * {@link #stepOneDimension} (tested bit for bit).
     */
    private void singleStepInPlace(ParticleSlab slab, long step, double[] mean, boolean cached, boolean keep) {
        int[] active = slab.active();
        int count = slab.activeCount();
        double[] pos = slab.positions();
        long first = slab.firstId();
        long q = step;
        boolean low = (q & 1L) == 0;
        long slow0 = Streams.slowCtr0(q);
        long slow1 = Streams.slowCtr1(q);
        double m0 = interacting ? mean[0] : 0.0;
        for (int lo = 0; lo < count; lo += tile) {
            int m = Math.min(tile, count - lo);
            for (int j = 0; j < m; j++) {
                int i = active[lo + j];
                slot[j] = i;
                long id = first + i;
                key0[j] = (int) Streams.key0(id);
                idHi[j] = (int) Streams.ctr2(id);
            }
            if (cached) {
                for (int j = 0; j < m; j++) {
                    w23[j] = cacheW23[slot[j]];
                }
            } else {
                refill(m, q);
            }
            passes.normals(t, m, low ? w01 : w23, slow0, slow1, gauss, 0);
            for (int j = 0; j < m; j++) {
                double g = gauss[j];
                int i = slot[j];
                double x0 = pos[i];
                double f0 = DevicePotentials.grad0(potentialType, x0, 0.0, 0.0, potentialParams);
                if (interacting) {
                    f0 += MeanAttraction.force(x0, m0, theta);
                }
                if (pairField != null) {
                    f0 += pairField.force(x0, mean);
                }
                pos[i] = OverdampedLangevin.step(x0, f0, dt, noise, g);
            }
            if (keep) {
                for (int j = 0; j < m; j++) {
                    cacheW23[slot[j]] = w23[j];
                }
            }
        }
    }

    /** The Philox blocks of the pair holding draw q, for every tile entry, into w01 and w23. */
    private void refill(int m, long q) {
        passes.philox(m, Streams.normalCtr0(q), Streams.normalCtr1(q), Streams.ctr3(seed), Streams.key1(seed), key0,
                idHi, w01, w23);
    }

    /**
     * The hottest case, 1-D overdamped with a built-in potential: draw, force, update and target
     * test fused in one pass so the Gaussian never goes through memory. Same expressions as the
     * general path (tested bit for bit).
     */
    private long stepOneDimension(int m, long step, long pair, double[] mean) {
        long q = step;
        if ((q >>> 1) != pair) {
            pair = q >>> 1;
            refill(m, q);
        }
        passes.overdamped1D(t, m, (q & 1L) == 0 ? w01 : w23, Streams.slowCtr0(q), Streams.slowCtr1(q), mean, step + 1);
        return pair;
    }

    /**
     * For 1-D targets: every target lies in [lo, ∞) ∪ (−∞, hi] with lo the smallest left edge of a
     * half-line above or ball, hi the largest right edge of a half-line below or ball.
     */
    private static double[] bounds(int[] types, double[] params) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < types.length; t++) {
            int o = t * TargetRegions.STRIDE;
            if (types[t] == TargetRegions.HALF_SPACE_ABOVE) {
                lo = Math.min(lo, params[o + 1]);
            } else if (types[t] == TargetRegions.HALF_SPACE_BELOW) {
                hi = Math.max(hi, params[o + 1]);
            } else {
                // A ball in 1-D: its left edge counts as "above", its right edge as "below" would be
                // wrong; treat any ball conservatively by testing everything.
                return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
            }
        }
        return new double[] {lo, hi};
    }

    /** force = ∇V(x) (+ θ(x − m)) for every tile entry. */
    private void forces(int m, double[] mean) {
        if (potentialType != 0) {
            for (int j = 0; j < m; j++) {
                double x0 = x[j];
                double x1 = dim > 1 ? x[tile + j] : 0.0;
                double x2 = dim > 2 ? x[2 * tile + j] : 0.0;
                force[j] = DevicePotentials.grad0(potentialType, x0, x1, x2, potentialParams);
                if (dim > 1) {
                    force[tile + j] = DevicePotentials.grad1(potentialType, x0, x1, x2, potentialParams);
                }
                if (dim > 2) {
                    force[2 * tile + j] = DevicePotentials.grad2(potentialType, x0, x1, x2, potentialParams);
                }
            }
        } else {
            for (int j = 0; j < m; j++) {
                for (int c = 0; c < dim; c++) {
                    px[c] = x[c * tile + j];
                }
                potential.gradient(px, pg);
                for (int c = 0; c < dim; c++) {
                    force[c * tile + j] = pg[c];
                }
            }
        }
        if (interacting) {
            for (int c = 0; c < dim; c++) {
                int o = c * tile;
                double mc = mean[c];
                for (int j = 0; j < m; j++) {
                    force[o + j] += MeanAttraction.force(x[o + j], mc, theta);
                }
            }
        }
        if (pairField != null && dim == 1) {
            for (int j = 0; j < m; j++) {
                force[j] += pairField.force(x[j], mean);
            }
        } else if (pairField != null) {
            for (int j = 0; j < m; j++) {
                double fx = pairField.force2(x[j], x[tile + j], mean, 0);
                double fy = pairField.force2(x[j], x[tile + j], mean, 1);
                force[j] += fx;
                force[tile + j] += fy;
            }
        }
    }

    /**
     * Force, update and target test in one pass per particle (built-in potentials, d ≤ 3): the
     * hot path of independent particles, kept in registers; same expressions as the split passes.
     */
    private void eulerMaruyamaFused(int m, double[] mean, long step) {
        boolean mf = interacting;
        double m0 = mf ? mean[0] : 0.0;
        double m1 = mf && dim > 1 ? mean[1] : 0.0;
        double m2 = mf && dim > 2 ? mean[2] : 0.0;
        for (int j = 0; j < m; j++) {
            if (stopped[j]) {
                continue;
            }
            double x0 = x[j];
            double x1 = dim > 1 ? x[tile + j] : 0.0;
            double x2 = dim > 2 ? x[2 * tile + j] : 0.0;
            double f0 = DevicePotentials.grad0(potentialType, x0, x1, x2, potentialParams);
            if (mf) {
                f0 += MeanAttraction.force(x0, m0, theta);
            }
            if (pairField != null) {
                f0 += pairField.force2(x0, x1, mean, 0);
            }
            double y0 = OverdampedLangevin.step(x0, f0, dt, noise, gauss[j]);
            double y1 = 0.0;
            double y2 = 0.0;
            if (dim > 1) {
                double f1 = DevicePotentials.grad1(potentialType, x0, x1, x2, potentialParams);
                if (mf) {
                    f1 += MeanAttraction.force(x1, m1, theta);
                }
                if (pairField != null) {
                    f1 += pairField.force2(x0, x1, mean, 1);
                }
                y1 = OverdampedLangevin.step(x1, f1, dt, noise, gauss[tile + j]);
                x[tile + j] = y1;
            }
            if (dim > 2) {
                double f2 = DevicePotentials.grad2(potentialType, x0, x1, x2, potentialParams);
                if (mf) {
                    f2 += MeanAttraction.force(x2, m2, theta);
                }
                y2 = OverdampedLangevin.step(x2, f2, dt, noise, gauss[2 * tile + j]);
                x[2 * tile + j] = y2;
            }
            x[j] = y0;
            if (targetCount > 0 && hit[j] == 0) {
                int t = TargetRegions.firstContaining(y0, y1, y2, targetCount, targetTypes, targetParams);
                if (t >= 0) {
                    hit[j] = step;
                    hitT[j] = t;
                    stopped[j] = absorbing;
                }
            }
        }
    }

    private void eulerMaruyama(int m) {
        for (int c = 0; c < dim; c++) {
            int o = c * tile;
            for (int j = 0; j < m; j++) {
                if (!stopped[j]) {
                    x[o + j] = OverdampedLangevin.step(x[o + j], force[o + j], dt, noise, gauss[o + j]);
                }
            }
        }
    }

    /** B A O A B with the force carried over from the previous step's closing kick. */
    private void baoab(int m, double[] mean) {
        for (int c = 0; c < dim; c++) {
            int o = c * tile;
            for (int j = 0; j < m; j++) {
                if (!stopped[j]) {
                    double vj = UnderdampedBaoab.kick(v[o + j], force[o + j], halfDt);
                    double xj = UnderdampedBaoab.drift(x[o + j], vj, halfDt);
                    vj = UnderdampedBaoab.thermostat(vj, ouDecay, ouNoise, gauss[o + j]);
                    x[o + j] = UnderdampedBaoab.drift(xj, vj, halfDt);
                    v[o + j] = vj;
                }
            }
        }
        forces(m, mean);
        for (int c = 0; c < dim; c++) {
            int o = c * tile;
            for (int j = 0; j < m; j++) {
                if (!stopped[j]) {
                    v[o + j] = UnderdampedBaoab.kick(v[o + j], force[o + j], halfDt);
                }
            }
        }
    }

    private void checkTargets(int m, long step) {
        for (int j = 0; j < m; j++) {
            if (hit[j] == 0) {
                int t;
                if (dim <= 3) {
                    double x0 = x[j];
                    double x1 = dim > 1 ? x[tile + j] : 0.0;
                    double x2 = dim > 2 ? x[2 * tile + j] : 0.0;
                    t = TargetRegions.firstContaining(x0, x1, x2, targetCount, targetTypes, targetParams);
                } else {
                    for (int c = 0; c < dim; c++) {
                        px[c] = x[c * tile + j];
                    }
                    t = targets.firstContaining(px);
                }
                if (t >= 0) {
                    hit[j] = step;
                    hitT[j] = t;
                    stopped[j] = absorbing;
                }
            }
        }
    }
}
