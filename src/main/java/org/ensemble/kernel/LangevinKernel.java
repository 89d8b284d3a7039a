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
            double g0 = DevicePotentials.grad0(potentialType, x0, x1, x2, potentialParams);
            double g1 = 0.0;
            double g2 = 0.0;
            if (dim > 1) {
                g1 = DevicePotentials.grad1(potentialType, x0, x1, x2, potentialParams);
            }
            if (dim > 2) {
                g2 = DevicePotentials.grad2(potentialType, x0, x1, x2, potentialParams);
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
                double g = Ziggurat.normal(word, k0, k1, c2, c3, Streams.slowCtr0(q), Streams.slowCtr1(q), zx, zk, zf);
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
        double g0 = DevicePotentials.grad0(potentialType, x0, x1, x2, potentialParams);
        double g1 = dim > 1 ? DevicePotentials.grad1(potentialType, x0, x1, x2, potentialParams) : 0.0;
        double g2 = dim > 2 ? DevicePotentials.grad2(potentialType, x0, x1, x2, potentialParams) : 0.0;
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
                double g = Ziggurat.normal(word, k0, k1, c2, c3, Streams.slowCtr0(q), Streams.slowCtr1(q), zx, zk, zf);
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
            g0 = DevicePotentials.grad0(potentialType, x0, x1, x2, potentialParams);
            g1 = 0.0;
            g2 = 0.0;
            if (dim > 1) {
                g1 = DevicePotentials.grad1(potentialType, x0, x1, x2, potentialParams);
            }
            if (dim > 2) {
                g2 = DevicePotentials.grad2(potentialType, x0, x1, x2, potentialParams);
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
}
