package org.ensemble.network;

/**
 * The inner loops of a neuron sweep: the dot product ⟨w_i, x⟩ and the fused update-then-dot
 * (w_i += g·x, then ⟨w_i, x'⟩). Every implementation computes the same bits: the dot keeps eight
 * partial sums (coordinate c goes to sum c mod 8, in order of c), combines them as
 * ((s0+s4)+(s1+s5))+((s2+s6)+(s3+s7)) — the C peer's order — and adds the tail coordinates
 * one by one; the update is a plain multiply then add (no fused multiply-add). So the vector
 * version (jdk.incubator.vector, two 4-lane vectors) and the scalar one agree bit for bit, on any
 * machine, whatever its vector width.
 */
public interface DenseOps {
    double dot(double[] w, int o, double[] x, int ox, int d);

    /** w[o..o+d) += g·x[ox..ox+d), then returns ⟨w[o..o+d), xn[oxn..oxn+d)⟩. */
    double updateThenDot(double[] w, int o, double g, double[] x, int ox, double[] xn, int oxn, int d);

    /** How many neurons {@link #ramp} and {@link #updateThenDotGroup} take at a time. */
    int GROUP = 8;

    /**
     * {@link #GROUP} consecutive rows' fused update-then-dots plus their biases, inputs from index 0:
     * for l &lt; 8 the row at {@code o + l·d} gets w += g[l]·x, then {@code h[l]} = ⟨w, xn⟩ +
     * {@code b[ob + l]}, each the bits of {@link #updateThenDot} plus b. The vector version reduces
     * the eight rows' partial sums together (a transposed reduction, with the same additions), using
     * {@code scratch} (2·GROUP doubles, the caller's, as one instance serves every shard's thread).
     */
    default void updateThenDotGroup(double[] w, int o, double[] g, double[] x, double[] xn, int d, double[] b, int ob,
                                    double[] h, double[] scratch) {
        for (int l = 0; l < GROUP; l++) {
            h[l] = updateThenDot(w, o + l * d, g[l], x, 0, xn, 0, d) + b[ob + l];
        }
    }

    /**
     * The ramp σ of {@link #GROUP} pre-activations {@code h[0..8)}: σ(h) into {@code sv[0..8)} and
     * σ'(h) into {@code ds[ods..ods+8)} — s1 where h ≤ t1, else s2 where h ≥ t2 (σ' = 0 on both), else
     * s1 + slope·(h − t1) (σ' = slope). Needs t1 &lt; t2. The vector version computes every piece
     * in every lane and selects with masks, so a group costs no branch: the pieces are taken about
     * at random, and a mispredicted branch per neuron cost more than its whole dot product.
     */
    void ramp(double[] h, double t1, double t2, double s1, double s2, double slope, double[] sv, double[] ds, int ods);

    /** w[o..o+d) += g·x[ox..ox+d). */
    default void axpy(double[] w, int o, double g, double[] x, int ox, int d) {
        for (int c = 0; c < d; c++) {
            w[o + c] += g * x[ox + c];
        }
    }

    String name();

    /** The vector implementation when the JVM was started with {@code --add-modules jdk.incubator.vector}. */
    static DenseOps best() {
        return Holder.BEST;
    }

    /** Chooses once; the vector class is only loaded when its module is there. */
    final class Holder {
        static final DenseOps BEST = choose();

        private Holder() {
        }

        private static DenseOps choose() {
            if (Boolean.getBoolean("ensemble.scalar") || ModuleLayer.boot().findModule("jdk.incubator.vector")
                    .isEmpty()) {
                return new ScalarDenseOps();
            }
            try {
                return (DenseOps) Class.forName("org.ensemble.network.VectorDenseOps").getDeclaredConstructor()
                        .newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new ScalarDenseOps();
            }
        }
    }
}
