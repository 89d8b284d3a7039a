package org.ensemble.graphdynamics;

import java.util.Arrays;
import org.ensemble.gnn.Aggregation;
import org.ensemble.random.Streams;
import org.ensemble.step.ShardRange;

/**
 * One shard's nodes (plain numerics): states, frequencies, each own edge's source (an own node or
 * a halo slot of the field), and the Euler–Maruyama step. Per-block sums (Σcos x, Σsin x, Σx, Σx²)
 * are accumulated in id order from 0, so the reducer's block-order merge adds the same numbers in
 * the same order whether a block is one shard's or spread over one actor per node. The built-in
 * rules (Kuramoto, consensus) step through {@link NodeKernel} on the recipe's backend; rules with an
 * update class (Langevin, user classes) through the loop here.
 */
final class NodeBlocks implements AutoCloseable {
    static final int SUMS = 4;
    private final NodeRecipe recipe;
    private final int first;
    private final int size;
    private final int firstBlock;
    private final int blocks;
    private final double[] omega;
    private final double[] couplings;
    /** Per own edge (CSR order from this shard's first node): local index ≥ 0, or −1 − halo slot. */
    private final int[] source;
    /** Local indices of this shard's halo nodes, in id order. */
    private final int[] haloOwn;
    private double[] x;
    private double[] next;
    /** The built-in rules' kernel; null for rules with an update class. */
    private final NodeKernelRunner kernel;

    NodeBlocks(NodeRecipe recipe, ShardRange range) {
        this.recipe = recipe;
        this.first = (int) range.firstId();
        this.size = range.size();
        this.firstBlock = range.firstBlock();
        this.blocks = (first + size - 1) / recipe.blockSize() - firstBlock + 1;
        NodeDynamics d = recipe.dynamics();
        omega = new double[size];
        couplings = new double[size];
        x = new double[size];
        next = new double[size];
        for (int l = 0; l < size; l++) {
            omega[l] = d.rule() == NodeRule.KURAMOTO ? d.frequency(first + l) : 0;
            couplings[l] = recipe.couplingOf(first + l);
            x[l] = d.initial(first + l);
        }
        int[] halo = recipe.halo();
        if (recipe.complete()) {
            source = new int[0];
        } else {
            int[] off = recipe.graph().offsets();
            int[] snd = recipe.graph().senders();
            source = new int[off[first + size] - off[first]];
            for (int e = off[first]; e < off[first + size]; e++) {
                int j = snd[e];
                int slot;
                if (j >= first && j < first + size) {
                    slot = j - first;
                } else {
                    int h = Arrays.binarySearch(halo, j);
                    if (h < 0) {
                        throw new IllegalStateException("node " + j + " sends to shard at " + first + " but is not in"
                                + " the halo (the recipe was made for another shard plan)");
                    }
                    slot = -1 - h;
                }
                source[e - off[first]] = slot;
            }
        }
        int lo = lowerBound(halo, first);
        int hi = lowerBound(halo, first + size);
        haloOwn = new int[hi - lo];
        for (int h = lo; h < hi; h++) {
            haloOwn[h - lo] = halo[h] - first;
        }
        kernel = d.update() == null ? new NodeKernelRunner(recipe, first, size, omega, couplings, source,
                recipe.backend()) : null;
    }

    private static int lowerBound(int[] a, int key) {
        int r = Arrays.binarySearch(a, key);
        if (r < 0) {
            return -1 - r;
        }
        while (r > 0 && a[r - 1] == key) {
            r--;
        }
        return r;
    }

    /**
     * Step k → k+1. {@code field}: the halo states at step k, or on the complete graph
     * (Σcos θ, Σsin θ, Σx) at step k.
     */
    void step(double[] field, long k) {
        if (kernel != null) {
            kernel.step(x, next, field, k);
            double[] t = x;
            x = next;
            next = t;
            return;
        }
        NodeDynamics d = recipe.dynamics();
        boolean kuramoto = d.rule() == NodeRule.KURAMOTO;
        NodeUpdate update = d.update();
        Aggregation aggregation = update == null ? Aggregation.SUM : update.aggregation();
        boolean periodic = d.periodic();
        double dt = d.dt();
        double scale = d.noiseScale();
        long seed = d.seed();
        double[] w = recipe.complete() ? null : recipe.graph().weights();
        int[] off = recipe.complete() ? null : recipe.graph().offsets();
        int base = recipe.complete() ? 0 : off[first];
        int n = recipe.nodes();
        for (int l = 0; l < size; l++) {
            double xi = x[l];
            double m = 0;
            if (recipe.complete()) {
                // the complete graph only for linear messages (consensus, Langevin) and Kuramoto: the loader refuses user rules
                m = kuramoto ? field[1] * Math.cos(xi) - field[0] * Math.sin(xi) : field[2] - n * xi;
            } else {
                int i = first + l;
                if (aggregation == Aggregation.SUM) {
                    for (int e = off[i]; e < off[i + 1]; e++) {
                        int s = source[e - base];
                        double xj = s >= 0 ? x[s] : field[-1 - s];
                        double msg = update != null ? update.message(xi, xj) : kuramoto ? Math.sin(xj - xi) : xj - xi;
                        m += w == null ? msg : w[e] * msg;
                    }
                } else {
                    m = aggregate(aggregation, update, xi, field, w, off[i], off[i + 1], base);
                }
            }
            double v = update != null ? xi + dt * update.drift(first + l, xi, couplings[l] * m)
                    : xi + dt * (omega[l] + couplings[l] * m);
            if (scale > 0) {
                v += scale * Streams.normal(seed, first + l, k);
            }
            next[l] = periodic ? NodeDynamics.wrap(v) : v;
        }
        double[] t = x;
        x = next;
        next = t;
    }

    /** A user rule's mean, max or min of the weighted messages over edges [from, to); 0 without in-edges. */
    private double aggregate(Aggregation a, NodeUpdate update, double xi, double[] field, double[] w, int from, int to,
                             int base) {
        if (from == to) {
            return 0;
        }
        double acc = a == Aggregation.MAX ? Double.NEGATIVE_INFINITY : a == Aggregation.MIN ? Double.POSITIVE_INFINITY : 0;
        double weights = 0;
        for (int e = from; e < to; e++) {
            int s = source[e - base];
            double xj = s >= 0 ? x[s] : field[-1 - s];
            double we = w == null ? 1 : w[e];
            double msg = we * update.message(xi, xj);
            switch (a) {
                case MAX -> acc = Math.max(acc, msg);
                case MIN -> acc = Math.min(acc, msg);
                default -> {
                    acc += msg;
                    weights += we;
                }
            }
        }
        return a == Aggregation.MEAN ? acc / weights : acc;
    }

    /** Per block: Σcos x, Σsin x, Σx, Σx², each summed in id order from 0. */
    double[] sums() {
        double[] out = new double[blocks * SUMS];
        int bs = recipe.blockSize();
        for (int l = 0; l < size; l++) {
            int b = (first + l) / bs - firstBlock;
            double v = x[l];
            out[b * SUMS] += Math.cos(v);
            out[b * SUMS + 1] += Math.sin(v);
            out[b * SUMS + 2] += v;
            out[b * SUMS + 3] += v * v;
        }
        return out;
    }

    /** This shard's halo states, in id order. */
    double[] halo() {
        double[] out = new double[haloOwn.length];
        for (int h = 0; h < out.length; h++) {
            out[h] = x[haloOwn[h]];
        }
        return out;
    }

    double[] states() {
        return x;
    }

    int firstBlock() {
        return firstBlock;
    }

    @Override
    public void close() {
        if (kernel != null) {
            kernel.close();
        }
    }
}
