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
import org.ensemble.random.Philox4x32;
import org.ensemble.random.PhiloxTile;
import org.ensemble.random.Streams;
import org.ensemble.random.Ziggurat;
import org.ensemble.dynamics.PairInteraction;

/**
 * The {@code java} backend: the same arithmetic as {@link LangevinKernel}, reorganised
 * step-major over tiles of particles ({@value #DEFAULT_TILE} by default) so that the Philox rounds run as one
 * vectorizable pass per tile ({@link PhiloxTile}) instead of a scalar chain per particle. That
 * doubles the throughput on this hardware; results are bit-identical to the kernel's
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
    private final int[] key0;
    private final int[] idHi;
    private final int[] w0;
    private final int[] w1;
    private final int[] w2;
    private final int[] w3;
    private final double[] x;
    private final double[] v;
    private final double[] force;
    private final double[] gauss;
    private final long[] hit;
    private final int[] hitT;
    private final boolean[] stopped;
    private final double[] px;
    // Second halves of the last Philox blocks, by slab index (see advance).
    private ParticleSlab cacheSlab;
    private long cachePair = -1;
    private int[] cacheW2;
    private int[] cacheW3;
    private final double[] pg;

    public TiledLangevinStepper(LangevinSetup setup) {
        this(setup, DEFAULT_TILE);
    }

    /** A smaller {@code tile} saves memory where slabs are tiny (one particle per actor); results do not depend on it. */
    public TiledLangevinStepper(LangevinSetup setup, int tile) {
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
        this.slot = new int[tile];
        this.key0 = new int[tile];
        this.idHi = new int[tile];
        this.w0 = new int[tile];
        this.w1 = new int[tile];
        this.w2 = new int[tile];
        this.w3 = new int[tile];
        this.x = new double[dim * tile];
        this.v = new double[dim * tile];
        this.force = new double[dim * tile];
        this.gauss = new double[dim * tile];
        this.hit = new long[tile];
        this.hitT = new int[tile];
        this.stopped = new boolean[tile];
        this.px = new double[dim];
        this.pg = new double[dim];
    }

    @Override
    public String device() {
        return "java (tiled, this JVM's threads)";
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
        if (keep && (cacheW2 == null || cacheW2.length < slab.size())) {
            cacheW2 = new int[slab.size()];
            cacheW3 = new int[slab.size()];
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
                    w2[j] = cacheW2[slot[j]];
                    w3[j] = cacheW3[slot[j]];
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
                    cacheW2[slot[j]] = w2[j];
                    cacheW3[slot[j]] = w3[j];
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
        long k1 = Streams.key1(seed);
        long c3l = Streams.ctr3(seed);
        for (int c = 0; c < dim; c++) {
            long q = step * dim + c;
            if ((q >>> 1) != pair) {
                pair = q >>> 1;
                refill(m, q);
            }
            boolean low = (q & 1L) == 0;
            long slow0 = Streams.slowCtr0(q);
            long slow1 = Streams.slowCtr1(q);
            int o = c * tile;
            for (int j = 0; j < m; j++) {
                long r = low ? PhiloxTile.word01(w0, w1, j) : PhiloxTile.word23(w2, w3, j);
                gauss[o + j] = gaussian(r, j, k1, c3l, slow0, slow1);
            }
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
        long k1 = Streams.key1(seed);
        long c3l = Streams.ctr3(seed);
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
                    w2[j] = cacheW2[slot[j]];
                    w3[j] = cacheW3[slot[j]];
                }
            } else {
                refill(m, q);
            }
            for (int j = 0; j < m; j++) {
                long r = low ? PhiloxTile.word01(w0, w1, j) : PhiloxTile.word23(w2, w3, j);
                double g = gaussian(r, j, k1, c3l, slow0, slow1);
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
                    cacheW2[slot[j]] = w2[j];
                    cacheW3[slot[j]] = w3[j];
                }
            }
        }
    }

    /**
     * {@link Ziggurat#normal} for tile entry j, restated so that its fast path is small enough for
     * the JIT to inline into the tile loops (calling Ziggurat.normal itself halved the rate).
     */
    private double gaussian(long r, int j, long k1, long c3l, long slow0, long slow1) {
        int layer = (int) (r & 0xFFL);
        double u = (double) (r >>> 11) * Ziggurat.TWO_POW_M53;
        double z = u * zx[layer];
        return u < zk[layer]
                ? z * (double) (1 - (int) ((r >>> 7) & 2L))
                : Ziggurat.slow(layer, z, (r & 0x100L) != 0 ? 1 : 0, key0[j] & Philox4x32.MASK32, k1,
                        idHi[j] & Philox4x32.MASK32, c3l, slow0, slow1, zx, zf);
    }

    /** The Philox blocks of the pair holding draw q, for every tile entry, into w0..w3. */
    private void refill(int m, long q) {
        int c0 = (int) Streams.normalCtr0(q);
        int c1 = (int) Streams.normalCtr1(q);
        int c3 = (int) Streams.ctr3(seed);
        for (int j = 0; j < m; j++) {
            w0[j] = c0;
            w1[j] = c1;
            w2[j] = idHi[j];
            w3[j] = c3;
        }
        PhiloxTile.blocks(m, w0, w1, w2, w3, key0, (int) Streams.key1(seed));
    }

    /**
     * The hottest case, 1-D overdamped with a built-in potential: draw, force, update and target
     * test fused in one pass so the Gaussian never goes through memory. Same expressions as the
     * general path (tested bit for bit).
     */
    private long stepOneDimension(int m, long step, long pair, double[] mean) {
        long k1 = Streams.key1(seed);
        long c3l = Streams.ctr3(seed);
        long q = step;
        if ((q >>> 1) != pair) {
            pair = q >>> 1;
            refill(m, q);
        }
        boolean low = (q & 1L) == 0;
        long slow0 = Streams.slowCtr0(q);
        long slow1 = Streams.slowCtr1(q);
        double m0 = interacting ? mean[0] : 0.0;
        // A cheap pre-test: in 1-D every target is a half-line or an interval, so a position below
        // crossLow and above crossHigh is in none of them and skips the exact test.
        double crossLow = Double.NEGATIVE_INFINITY;
        double crossHigh = Double.POSITIVE_INFINITY;
        if (oneDimensionalBounds != null) {
            crossLow = oneDimensionalBounds[0];
            crossHigh = oneDimensionalBounds[1];
        }
        for (int j = 0; j < m; j++) {
            if (stopped[j]) {
                continue;
            }
            long r = low ? PhiloxTile.word01(w0, w1, j) : PhiloxTile.word23(w2, w3, j);
            double g = gaussian(r, j, k1, c3l, slow0, slow1);
            double x0 = x[j];
            double f0 = DevicePotentials.grad0(potentialType, x0, 0.0, 0.0, potentialParams);
            if (interacting) {
                f0 += MeanAttraction.force(x0, m0, theta);
            }
            if (pairField != null) {
                f0 += pairField.force(x0, mean);
            }
            double y0 = OverdampedLangevin.step(x0, f0, dt, noise, g);
            x[j] = y0;
            if (targetCount > 0 && hit[j] == 0 && (y0 >= crossLow || y0 <= crossHigh)) {
                int t = TargetRegions.firstContaining(y0, 0.0, 0.0, targetCount, targetTypes, targetParams);
                if (t >= 0) {
                    hit[j] = step + 1;
                    hitT[j] = t;
                    stopped[j] = absorbing;
                }
            }
        }
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
