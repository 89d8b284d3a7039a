package org.ensemble.network;

import org.ensemble.random.Streams;

/**
 * The bulk numerics of one slab of neurons: the forward pass (each block's Σ a_i σ(⟨w_i, x_j⟩ + b_i)
 * for every sample of a batch, summed in id order inside the block) and the SGD / noisy-SGD
 * update from the coordinator's residuals. The update of step k and the forward pass of step k+1
 * are fused into one sweep over the weights (the next batch does not depend on them), as the C
 * peer does: one read and one write of W per step.
 *
 * <p>Determinism: a neuron's update depends only on its own values, the broadcast coefficients
 * and its own noise counters (seed, id, step·P + parameter); block sums run in id order with a
 * fixed summation tree. So the result does not depend on how blocks are dealt to shards.
 */
public final class NeuronStepper {
    private static final int TANH = 0;
    private static final int RELU = 1;
    private static final int SIGMOID = 2;
    private static final int RAMP = 3;

    private final NeuronSlab slab;
    private final int blockSize;
    private final int blocks;
    private final int d;
    private final int n;
    private final int batch;
    private final int kind;
    private final double t1;
    private final double t2;
    private final double s1;
    private final double s2;
    private final double slope;
    private final boolean trainA;
    private final boolean trainW;
    private final boolean trainB;
    private final double lr;
    private final double decay;
    private final double noiseSd;
    private final long seed;
    private final int params;
    /** σ(h_ij) and σ'(h_ij) of the last forward pass, neuron i at i·B. */
    private final double[] sig;
    private final double[] dsig;
    private final double[] noise;
    /** Inputs of the batch the cached σ, σ' belong to (the next update multiplies them in). */
    private final double[] lastX;
    private final Activation activation;
    private boolean forwarded;
    private final DenseOps ops;
    /** Pre-activations and σ of the group of neurons {@link #rampSweep} is at. */
    private final double[] groupH = new double[DenseOps.GROUP];
    private final double[] groupS = new double[DenseOps.GROUP];
    private final double[] groupG = new double[DenseOps.GROUP];
    private final double[] groupScratch = new double[2 * DenseOps.GROUP];
    /**
     * Tests only: 0 takes the fast paths where they apply; 1 skips {@link #rampSweep} (the fused
     * general loop); 2 also skips the fused update-then-dot (separate update and forward pass).
     */
    int pathLimit;

    public NeuronStepper(NeuronSlab slab, int blockSize, NetworkSpec spec, TrainingRule rule, long seed) {
        this(slab, blockSize, spec, rule, seed, DenseOps.best());
    }

    /** With the given inner loops (tests run the scalar and both vector shapes). */
    NeuronStepper(NeuronSlab slab, int blockSize, NetworkSpec spec, TrainingRule rule, long seed, DenseOps ops) {
        this.ops = ops;
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be ≥ 1, got " + blockSize);
        }
        this.slab = slab;
        this.blockSize = blockSize;
        this.n = slab.size();
        this.blocks = (n + blockSize - 1) / blockSize;
        this.d = slab.dimension();
        this.batch = rule.batch();
        Activation act = spec.activation();
        this.kind = switch (act.kind()) {
            case TANH -> TANH;
            case RELU -> RELU;
            case SIGMOID -> SIGMOID;
            case RAMP -> RAMP;
        };
        this.t1 = act.t1();
        this.t2 = act.t2();
        this.s1 = act.s1();
        this.s2 = act.s2();
        this.slope = act.kind() == Activation.Kind.RAMP ? act.rampSlope() : 0.0;
        this.trainA = spec.trainA();
        this.trainW = spec.trainW();
        this.trainB = spec.trainB();
        this.lr = rule.lr();
        this.decay = 1.0 - rule.lr() * rule.lambda();
        this.noiseSd = rule.noiseSd();
        this.seed = seed;
        this.params = spec.paramsPerNeuron();
        this.sig = new double[n * batch];
        this.dsig = new double[n * batch];
        this.noise = new double[d];
        this.lastX = new double[batch * d];
        this.activation = act;
    }

    public int blocks() {
        return blocks;
    }

    public NeuronSlab slab() {
        return slab;
    }

    /** Per-block output sums of the batch into {@code out[block·B + j]} (caches σ, σ' for the update). */
    public void forward(Batch x, double[] out) {
        check(x);
        java.util.Arrays.fill(out, 0, blocks * batch, 0.0);
        double[] w = slab.w();
        double[] a = slab.a();
        double[] b = slab.b();
        double[] xs = x.inputs();
        for (int blk = 0; blk < blocks; blk++) {
            int end = Math.min(n, (blk + 1) * blockSize);
            for (int i = blk * blockSize; i < end; i++) {
                forwardNeuron(i, w, a[i], b[i], xs, out, blk * batch);
            }
        }
        System.arraycopy(xs, 0, lastX, 0, lastX.length);
        forwarded = true;
    }

    /**
     * Applies the update of step {@code step} with {@code coef[j]} = (gradient scale)·residual_j / B,
     * then, if {@code next} is non-null, the forward pass of the next batch into {@code out}.
     */
    public void updateThenForward(long step, double[] coef, Batch next, double[] out) {
        if (!forwarded) {
            throw new IllegalStateException("update before the first forward pass");
        }
        if (next != null) {
            check(next);
            java.util.Arrays.fill(out, 0, blocks * batch, 0.0);
        }
        double[] w = slab.w();
        double[] a = slab.a();
        double[] b = slab.b();
        double[] xs = next == null ? null : next.inputs();
        boolean plain = batch == 1 && trainW && !trainA && !trainB && noiseSd == 0 && decay == 1.0
                && pathLimit < 2;
        if (plain && xs != null && kind == RAMP && pathLimit == 0) {
            rampSweep(lr * coef[0], xs, out);
            System.arraycopy(xs, 0, lastX, 0, lastX.length);
            return;
        }
        for (int blk = 0; blk < blocks; blk++) {
            int end = Math.min(n, (blk + 1) * blockSize);
            for (int i = blk * blockSize; i < end; i++) {
                if (plain && xs != null) {
                    // Online SGD on w only (the benchmark's path): update and next dot in one pass.
                    double g = lr * coef[0] * a[i] * dsig[i];
                    activate(i, 0, ops.updateThenDot(w, i * d, g, lastX, 0, xs, 0, d) + b[i], a[i], out,
                            blk * batch);
                    continue;
                }
                updateNeuron(step, i, w, a, b, coef);
                if (xs != null) {
                    forwardNeuron(i, w, a[i], b[i], xs, out, blk * batch);
                }
            }
        }
        if (xs != null) {
            System.arraycopy(xs, 0, lastX, 0, lastX.length);
        }
        forwarded = xs != null;
    }

    /**
     * The benchmark's path, written out: online SGD on w with the ramp, update and next dot in one
     * pass per neuron, the block's sum in a local. Same arithmetic, in the same order, as the
     * general path (a test holds them equal). Inside a block the neurons go in groups of
     * {@link DenseOps#GROUP}: their pre-activations first ({@link DenseOps#updateThenDotGroup}), then
     * the ramp of the whole group without branches ({@link DenseOps#ramp}), then a_i σ(h_i) added to
     * the block's sum in id order.
     */
    private void rampSweep(double lc, double[] xs, double[] out) {
        double[] w = slab.w();
        double[] a = slab.a();
        double[] b = slab.b();
        double[] x = lastX;
        double[] hg = groupH;
        double[] sg = groupS;
        double[] gg = groupG;
        for (int blk = 0; blk < blocks; blk++) {
            int end = Math.min(n, (blk + 1) * blockSize);
            double acc = 0.0;
            int i = blk * blockSize;
            for (; i + DenseOps.GROUP <= end; i += DenseOps.GROUP) {
                for (int l = 0; l < DenseOps.GROUP; l++) {
                    gg[l] = lc * a[i + l] * dsig[i + l];
                }
                ops.updateThenDotGroup(w, i * d, gg, x, xs, d, b, i, hg, groupScratch);
                // σ itself is not cached: only a's update reads it, and a is not trained on this path.
                ops.ramp(hg, t1, t2, s1, s2, slope, sg, dsig, i);
                for (int l = 0; l < DenseOps.GROUP; l++) {
                    acc += a[i + l] * sg[l];
                }
            }
            for (; i < end; i++) {
                double ai = a[i];
                double h = ops.updateThenDot(w, i * d, lc * ai * dsig[i], x, 0, xs, 0, d) + b[i];
                double sv;
                double ds;
                if (h <= t1) {
                    sv = s1;
                    ds = 0.0;
                } else if (h >= t2) {
                    sv = s2;
                    ds = 0.0;
                } else {
                    sv = s1 + slope * (h - t1);
                    ds = slope;
                }
                dsig[i] = ds;
                acc += ai * sv;
            }
            out[blk] = acc;
        }
    }

    private void updateNeuron(long step, int i, double[] w, double[] a, double[] b, double[] coef) {
        int o = i * d;
        int ob = i * batch;
        double ai = a[i];
        double ga = 0;
        double gb = 0;
        if (trainW) {
            double[] xs = lastX;
            if (noiseSd > 0) {
                long id = slab.firstId() + i;
                long q0 = step * params;
                for (int c = 0; c < d; c++) {
                    noise[c] = noiseSd * Streams.normal(seed, id, q0 + c);
                }
            }
            for (int c = 0; c < d; c++) {
                w[o + c] *= decay;
            }
            for (int j = 0; j < batch; j++) {
                double g = lr * coef[j] * ai * dsig[ob + j];
                gb += g;
                ops.axpy(w, o, g, xs, j * d, d);
            }
            if (noiseSd > 0) {
                for (int c = 0; c < d; c++) {
                    w[o + c] += noise[c];
                }
            }
        } else {
            for (int j = 0; j < batch; j++) {
                gb += lr * coef[j] * ai * dsig[ob + j];
            }
        }
        if (trainA) {
            for (int j = 0; j < batch; j++) {
                ga += lr * coef[j] * sig[ob + j];
            }
            a[i] = a[i] * decay + ga + (noiseSd > 0 ? noiseSd * Streams.normal(seed, slab.firstId() + i,
                    step * params + d) : 0.0);
        }
        if (trainB) {
            b[i] = b[i] * decay + gb + (noiseSd > 0 ? noiseSd * Streams.normal(seed, slab.firstId() + i,
                    step * params + d + 1) : 0.0);
        }
    }

    private void forwardNeuron(int i, double[] w, double ai, double bi, double[] xs, double[] out, int outOffset) {
        int o = i * d;
        for (int j = 0; j < batch; j++) {
            activate(i, j, ops.dot(w, o, xs, j * d, d) + bi, ai, out, outOffset);
        }
    }

    /** σ(h), σ'(h) cached for sample j of neuron i, and a_i σ(h) added to the block's sum. */
    private void activate(int i, int j, double h, double ai, double[] out, int outOffset) {
        double s;
        double ds;
        switch (kind) {
            case RAMP -> {
                if (h <= t1) {
                    s = s1;
                    ds = 0.0;
                } else if (h >= t2) {
                    s = s2;
                    ds = 0.0;
                } else {
                    s = s1 + slope * (h - t1);
                    ds = slope;
                }
            }
            case TANH -> {
                s = Math.tanh(h);
                ds = 1.0 - s * s;
            }
            case RELU -> {
                s = h > 0 ? h : 0.0;
                ds = h > 0 ? 1.0 : 0.0;
            }
            default -> {
                s = 1.0 / (1.0 + Math.exp(-h));
                ds = s * (1.0 - s);
            }
        }
        int k = i * batch + j;
        sig[k] = s;
        dsig[k] = ds;
        out[outOffset + j] += ai * s;
    }

    /**
     * Per-block output sums on {@code m} inputs (row-major) into {@code out[block·m + j]}, without
     * touching the cached forward pass: for held-out risk.
     */
    public void evaluate(double[] xs, int m, double[] out) {
        java.util.Arrays.fill(out, 0, blocks * m, 0.0);
        double[] w = slab.w();
        double[] a = slab.a();
        double[] b = slab.b();
        Activation act = activation;
        for (int blk = 0; blk < blocks; blk++) {
            int end = Math.min(n, (blk + 1) * blockSize);
            for (int i = blk * blockSize; i < end; i++) {
                double ai = a[i];
                double bi = b[i];
                int o = i * d;
                for (int j = 0; j < m; j++) {
                    out[blk * m + j] += ai * act.value(ops.dot(w, o, xs, j * d, d) + bi);
                }
            }
        }
    }

    private void check(Batch x) {
        if (x.size() != batch || x.dimension() != d) {
            throw new IllegalArgumentException("batch of " + x.size() + "×" + x.dimension() + ", expected " + batch
                    + "×" + d);
        }
    }
}
