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
