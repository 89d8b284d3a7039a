package org.ensemble.kernel;

import com.aparapi.Kernel;
import org.ensemble.potential.DevicePotentials;
import org.ensemble.random.Philox4x32;
import org.ensemble.random.Streams;
import org.ensemble.random.Ziggurat;

/**
 * Advances particles of one slab by {@code steps} time steps of overdamped Euler–Maruyama or
 * underdamped BAOAB in a built-in potential (d ≤ 3), optionally pulled toward a broadcast mean
 * (θ·(x − m)), and records first passages into target regions. One work item is one particle
 * for the whole chunk of steps, so its state stays in registers.
 *
 * <p>The same method runs on every backend: {@code java} calls {@link #advanceSlot} in a loop,
 * {@code aparapi-jtp} and {@code aparapi-opencl} execute {@link #run}. Only primitives and
 * primitive arrays as fields; helpers return scalars (Aparapi cannot pass private arrays).
 */
public final class LangevinKernel extends Kernel {
    public static final int OVERDAMPED = 1;
    public static final int UNDERDAMPED = 2;
    public static final int NO_INTERACTION = 0;
    public static final int MEAN_ATTRACTION = 1;

    // Slab state (coordinate-major: pos[c * n + i]).
    double[] pos;
    double[] vel;
    long[] hitStep;
    int[] hitTarget;
    int[] active;
    int activeCount;
    int n;
    int dim;
    long firstId;
    long seed;

    // Chunk.
    long fromStep;
    int steps;

    // Dynamics.
    int dynamics;
    double dt;
    /** Overdamped: sqrt(2 dt / β). */
    double noise;
    double halfDt;
    /** BAOAB O-step: v ← decay·v + ouNoise·ξ. */
    double ouDecay;
    double ouNoise;

    // Potential and interaction.
    int potentialType;
    double[] potentialParams;
    int interaction;
    double theta;
    double[] fieldMean;

    // Targets.
    int targetCount;
    int[] targetType;
    double[] targetParams;
    int absorbing;

    // Ziggurat tables.
    double[] zx;
    double[] zk;
    double[] zf;

    @Override
    public void run() {
        advanceSlot(getGlobalId());
    }

    /** Advances the particle in active slot {@code j}; slots past {@code activeCount} are padding. */
    public void advanceSlot(int j) {
        if (j < activeCount) {
            int i = active[j];
            if (dynamics == OVERDAMPED) {
                advanceOverdamped(i);
            } else {
                advanceUnderdamped(i);
            }
        }
    }

    private void advanceOverdamped(int i) {
        long id = firstId + i;
        long k0 = Streams.key0(id);
        long k1 = Streams.key1(seed);
        long c2 = Streams.ctr2(id);
        long c3 = Streams.ctr3(seed);
        double x0 = pos[i];
        double x1 = dim > 1 ? pos[n + i] : 0.0;
        double x2 = dim > 2 ? pos[2 * n + i] : 0.0;
        long hit = hitStep[i];
        int hitT = hitTarget[i];
        long pair = -1;
        long wa = 0;
        long wb = 0;
        long q = fromStep * dim;
        boolean stopped = false;
        for (int s = 0; s < steps && !stopped; s++) {
            double e0 = mbExp(0, x0, x1);
            double e1 = mbExp(1, x0, x1);
            double e2 = mbExp(2, x0, x1);
            double e3 = mbExp(3, x0, x1);
            double g0 = DevicePotentials.gradient0(potentialType, x0, x1, x2, potentialParams, e0, e1, e2, e3);
            double g1 = 0.0;
            double g2 = 0.0;
            if (dim > 1) {
                g1 = DevicePotentials.gradient1(potentialType, x0, x1, x2, potentialParams, e0, e1, e2, e3);
            }
            if (dim > 2) {
                g2 = DevicePotentials.gradient2(potentialType, x0, x1, x2, potentialParams);
            }
            if (interaction == MEAN_ATTRACTION) {
                g0 += theta * (x0 - fieldMean[0]);
                g1 += theta * (x1 - fieldMean[1]);
                g2 += theta * (x2 - fieldMean[2]);
            }
            double n0 = 0.0;
            double n1 = 0.0;
            double n2 = 0.0;
            for (int c = 0; c < dim; c++) {
                if ((q >>> 1) != pair) {
                    pair = q >>> 1;
                    long a = (Streams.normalCtr0(q) << 32) | Streams.normalCtr1(q);
                    long b = (c2 << 32) | c3;
                    long key0 = k0;
                    long key1 = k1;
                    for (int r = 0; r < Philox4x32.ROUNDS; r++) {
                        long na = Philox4x32.mixA(a, b, key0);
                        b = Philox4x32.mixB(a, b, key1);
                        a = na;
                        key0 = (key0 + Philox4x32.W0) & Philox4x32.MASK32;
                        key1 = (key1 + Philox4x32.W1) & Philox4x32.MASK32;
                    }
                    wa = a;
                    wb = b;
                }
                long word = (q & 1L) == 0 ? wa : wb;
                double g = gaussian(word, k0, k1, c2, c3, Streams.slowCtr0(q), Streams.slowCtr1(q));
                if (c == 0) {
                    n0 = g;
                } else if (c == 1) {
                    n1 = g;
                } else {
                    n2 = g;
                }
                q++;
            }
            x0 = x0 - g0 * dt + noise * n0;
            x1 = x1 - g1 * dt + noise * n1;
            x2 = x2 - g2 * dt + noise * n2;
            if (hit == 0 && targetCount > 0) {
                int t = TargetRegions.firstContaining(x0, x1, x2, targetCount, targetType, targetParams);
                if (t >= 0) {
                    hit = fromStep + s + 1;
                    hitT = t;
                    stopped = absorbing != 0;
                }
            }
        }
        pos[i] = x0;
        if (dim > 1) {
            pos[n + i] = x1;
        }
        if (dim > 2) {
            pos[2 * n + i] = x2;
        }
        hitStep[i] = hit;
        hitTarget[i] = hitT;
    }

    private void advanceUnderdamped(int i) {
        long id = firstId + i;
        long k0 = Streams.key0(id);
        long k1 = Streams.key1(seed);
        long c2 = Streams.ctr2(id);
        long c3 = Streams.ctr3(seed);
        double x0 = pos[i];
        double x1 = dim > 1 ? pos[n + i] : 0.0;
        double x2 = dim > 2 ? pos[2 * n + i] : 0.0;
        double v0 = vel[i];
        double v1 = dim > 1 ? vel[n + i] : 0.0;
        double v2 = dim > 2 ? vel[2 * n + i] : 0.0;
        long hit = hitStep[i];
        int hitT = hitTarget[i];
        long pair = -1;
        long wa = 0;
        long wb = 0;
        long q = fromStep * dim;
        // Force at the chunk's start; afterwards the closing B half-step's force is reused.
        double e0 = mbExp(0, x0, x1);
        double e1 = mbExp(1, x0, x1);
        double e2 = mbExp(2, x0, x1);
        double e3 = mbExp(3, x0, x1);
        double g0 = DevicePotentials.gradient0(potentialType, x0, x1, x2, potentialParams, e0, e1, e2, e3);
        double g1 = dim > 1 ? DevicePotentials.gradient1(potentialType, x0, x1, x2, potentialParams, e0, e1, e2, e3)
                : 0.0;
        double g2 = dim > 2 ? DevicePotentials.gradient2(potentialType, x0, x1, x2, potentialParams) : 0.0;
        if (interaction == MEAN_ATTRACTION) {
            g0 += theta * (x0 - fieldMean[0]);
            g1 += theta * (x1 - fieldMean[1]);
            g2 += theta * (x2 - fieldMean[2]);
        }
        boolean stopped = false;
        for (int s = 0; s < steps && !stopped; s++) {
            // B
            v0 -= halfDt * g0;
            v1 -= halfDt * g1;
            v2 -= halfDt * g2;
            // A
            x0 += halfDt * v0;
            x1 += halfDt * v1;
            x2 += halfDt * v2;
            // O
            double n0 = 0.0;
            double n1 = 0.0;
            double n2 = 0.0;
            for (int c = 0; c < dim; c++) {
                if ((q >>> 1) != pair) {
                    pair = q >>> 1;
                    long a = (Streams.normalCtr0(q) << 32) | Streams.normalCtr1(q);
                    long b = (c2 << 32) | c3;
                    long key0 = k0;
                    long key1 = k1;
                    for (int r = 0; r < Philox4x32.ROUNDS; r++) {
                        long na = Philox4x32.mixA(a, b, key0);
                        b = Philox4x32.mixB(a, b, key1);
                        a = na;
                        key0 = (key0 + Philox4x32.W0) & Philox4x32.MASK32;
                        key1 = (key1 + Philox4x32.W1) & Philox4x32.MASK32;
                    }
                    wa = a;
                    wb = b;
                }
                long word = (q & 1L) == 0 ? wa : wb;
                double g = gaussian(word, k0, k1, c2, c3, Streams.slowCtr0(q), Streams.slowCtr1(q));
                if (c == 0) {
                    n0 = g;
                } else if (c == 1) {
                    n1 = g;
                } else {
                    n2 = g;
                }
                q++;
            }
            v0 = ouDecay * v0 + ouNoise * n0;
            v1 = ouDecay * v1 + ouNoise * n1;
            v2 = ouDecay * v2 + ouNoise * n2;
            // A
            x0 += halfDt * v0;
            x1 += halfDt * v1;
            x2 += halfDt * v2;
            // B
            e0 = mbExp(0, x0, x1);
            e1 = mbExp(1, x0, x1);
            e2 = mbExp(2, x0, x1);
            e3 = mbExp(3, x0, x1);
            g0 = DevicePotentials.gradient0(potentialType, x0, x1, x2, potentialParams, e0, e1, e2, e3);
            g1 = 0.0;
            g2 = 0.0;
            if (dim > 1) {
                g1 = DevicePotentials.gradient1(potentialType, x0, x1, x2, potentialParams, e0, e1, e2, e3);
            }
            if (dim > 2) {
                g2 = DevicePotentials.gradient2(potentialType, x0, x1, x2, potentialParams);
            }
            if (interaction == MEAN_ATTRACTION) {
                g0 += theta * (x0 - fieldMean[0]);
                g1 += theta * (x1 - fieldMean[1]);
                g2 += theta * (x2 - fieldMean[2]);
            }
            v0 -= halfDt * g0;
            v1 -= halfDt * g1;
            v2 -= halfDt * g2;
            if (hit == 0 && targetCount > 0) {
                int t = TargetRegions.firstContaining(x0, x1, x2, targetCount, targetType, targetParams);
                if (t >= 0) {
                    hit = fromStep + s + 1;
                    hitT = t;
                    stopped = absorbing != 0;
                }
            }
        }
        pos[i] = x0;
        vel[i] = v0;
        if (dim > 1) {
            pos[n + i] = x1;
            vel[n + i] = v1;
        }
        if (dim > 2) {
            pos[2 * n + i] = x2;
            vel[2 * n + i] = v2;
        }
        hitStep[i] = hit;
        hitTarget[i] = hitT;
    }

    /** Müller–Brown exponential k at (x0, x1), or 0 for other potentials (see DevicePotentials#mbExp). */
    private double mbExp(int k, double x0, double x1) {
        double e = 0.0;
        if (potentialType == DevicePotentials.MULLER_BROWN) {
            e = Math.exp(DevicePotentials.mbExponent(k, x0, x1));
        }
        return e;
    }

    /**
     * {@link Ziggurat#normal} restated in the kernel class: Aparapi translates {@code Math.log} and
     * {@code Math.exp} only in methods of the kernel class itself, and a kernel calling a helper
     * that uses them falls back to Java silently. Same bits as Ziggurat (tested).
     */
    private double gaussian(long r, long k0, long k1, long c2, long c3, long slowC0, long slowC1) {
        int i = (int) (r & 0xFFL);
        double u = (double) (r >>> 11) * Ziggurat.TWO_POW_M53;
        double z = u * zx[i];
        double result = 0.0;
        if (u < zk[i]) {
            result = z * (double) (1 - (int) ((r >>> 7) & 2L));
        } else {
            result = gaussianSlow(i, z, (r & 0x100L) != 0 ? 1 : 0, k0, k1, c2, c3, slowC0, slowC1);
        }
        return result;
    }

    /** {@link Ziggurat#slow} restated (see {@link #gaussian}). */
    private double gaussianSlow(int layer, double z0, int negative, long k0, long k1, long c2, long c3, long slowC0,
                                long slowC1) {
        int i = layer;
        double z = z0;
        int neg = negative;
        long n = 0;
        boolean done = false;
        for (int it = 0; it < Ziggurat.MAX_SLOW_ITERATIONS && !done; it++) {
            if (i == 0) {
                double a = 0.0;
                double b = 0.0;
                boolean accepted = false;
                for (int t = 0; t < Ziggurat.MAX_SLOW_ITERATIONS && !accepted; t++) {
                    long wa = Ziggurat.slowWord(k0, k1, c2, c3, slowC0, slowC1, n);
                    long wb = Ziggurat.slowWord(k0, k1, c2, c3, slowC0, slowC1, n + 1);
                    n += 2;
                    a = -Math.log((double) ((wa >>> 11) + 1) * Ziggurat.TWO_POW_M53) / Ziggurat.R;
                    b = -Math.log((double) ((wb >>> 11) + 1) * Ziggurat.TWO_POW_M53);
                    accepted = b + b >= a * a;
                }
                z = Ziggurat.R + a;
                done = true;
            } else {
                long wv = Ziggurat.slowWord(k0, k1, c2, c3, slowC0, slowC1, n);
                n += 1;
                double v = (double) (wv >>> 11) * Ziggurat.TWO_POW_M53;
                if (zf[i] + v * (zf[i + 1] - zf[i]) < Math.exp(-0.5 * z * z)) {
                    done = true;
                } else {
                    long r = Ziggurat.slowWord(k0, k1, c2, c3, slowC0, slowC1, n);
                    n += 1;
                    i = (int) (r & 0xFFL);
                    neg = (r & 0x100L) != 0 ? 1 : 0;
                    double u = (double) (r >>> 11) * Ziggurat.TWO_POW_M53;
                    z = u * zx[i];
                    done = u < zx[i + 1] / zx[i];
                }
            }
        }
        double out = z;
        if (neg != 0) {
            out = -z;
        }
        return out;
    }
}
