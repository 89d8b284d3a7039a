package org.ensemble.graphdynamics;

import com.aparapi.Kernel;
import org.ensemble.random.Philox4x32;
import org.ensemble.random.Streams;
import org.ensemble.random.Ziggurat;

/**
 * One Euler–Maruyama step of a shard's nodes under a built-in rule (Kuramoto: messages sin(x_j − x_i);
 * consensus: x_j − x_i), summed along the CSR edges sorted by receiver (a segment sum per node, in
 * edge order: no atomics), or on the complete graph from the broadcast population sums; plus the
 * Philox–Ziggurat noise keyed by (seed, node) with the step as counter. One work item is one node.
 *
 * <p>The same method runs on every backend: {@code java} calls {@link #stepNode} in a loop,
 * {@code aparapi-jtp} and {@code aparapi-opencl} execute {@link #run}; it is the arithmetic of the
 * plain loop of {@link NodeBlocks} for these rules, operation for operation, so java and
 * aparapi-jtp give the same bytes (OpenCL's sin/cos and FMA contraction may differ in the last
 * bits). Only primitives and primitive arrays as fields, no null arrays (length-1 stand-ins);
 * helpers return scalars. The Gaussian is restated here, not called from {@link Ziggurat}:
 * Aparapi translates {@code Math.log}/{@code Math.exp} only in methods of the kernel class.
 */
public final class NodeKernel extends Kernel {
    // The shard: states at step k and k + 1, the nodes' constants.
    double[] x;
    double[] next;
    double[] omega;
    double[] couplings;
    int size;
    /** Id of local node 0. */
    int first;
    /** Nodes of the whole graph. */
    int nodes;

    // Edges: local CSR offsets (size + 1), each edge's source (local index ≥ 0, or −1 − halo slot), weights.
    int[] offsets;
    int[] source;
    double[] weights;
    int weighted;
    /** 1: the complete graph, coupled through the field (Σcos x, Σsin x, Σx). */
    int complete;

    /** The halo states at step k, or the complete graph's sums. */
    double[] field;

    // The rule.
    int kuramoto;
    int periodic;
    double dt;
    /** sqrt(2D·dt); 0 without noise. */
    double noiseScale;
    long seed;
    long step;

    // Ziggurat tables.
    double[] zx;
    double[] zk;
    double[] zf;

    @Override
    public void run() {
        stepNode(getGlobalId());
    }

    /** Node {@code l} of the shard from step {@code step} to step + 1; work items past {@code size} are padding. */
    public void stepNode(int l) {
        if (l < size) {
            double xi = x[l];
            double m = 0.0;
            if (complete == 1) {
                if (kuramoto == 1) {
                    m = field[1] * Math.cos(xi) - field[0] * Math.sin(xi);
                } else {
                    m = field[2] - nodes * xi;
                }
            } else {
                for (int e = offsets[l]; e < offsets[l + 1]; e++) {
                    int s = source[e];
                    double xj = 0.0;
                    if (s >= 0) {
                        xj = x[s];
                    } else {
                        xj = field[-1 - s];
                    }
                    double msg = 0.0;
                    if (kuramoto == 1) {
                        msg = Math.sin(xj - xi);
                    } else {
                        msg = xj - xi;
                    }
                    if (weighted == 1) {
                        m += weights[e] * msg;
                    } else {
                        m += msg;
                    }
                }
            }
            double v = xi + dt * (omega[l] + couplings[l] * m);
            if (noiseScale > 0) {
                v += noiseScale * normal((long) (first + l), step);
            }
            if (periodic == 1) {
                // NodeDynamics.wrap, restated
                double t = v - 2 * Math.PI * Math.floor(v / (2 * Math.PI));
                if (t >= 2 * Math.PI) {
                    t = 0.0;
                }
                v = t;
            }
            next[l] = v;
        }
    }

    /** {@link Streams#normal}(seed, id, q) restated: the Philox block of draw q, then the Ziggurat. */
    private double normal(long id, long q) {
        long k0 = Streams.key0(id);
        long k1 = Streams.key1(seed);
        long c2 = Streams.ctr2(id);
        long c3 = Streams.ctr3(seed);
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
        long word = b;
        if ((q & 1L) == 0) {
            word = a;
        }
        return gaussian(word, k0, k1, c2, c3, Streams.slowCtr0(q), Streams.slowCtr1(q));
    }

    /** {@link Ziggurat#normal} restated (see the class comment). */
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

    /** Ziggurat's slow path restated (see the class comment). */
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
