package org.ensemble.kernel;

/**
 * The hot passes of the {@code java} backend over one tile: the Philox blocks, the Ziggurat
 * normals and the fused 1-D overdamped step with its first-passage test. Two implementations
 * compute the same bits: {@link ScalarTilePasses} (plain Java, always there) and
 * {@link VectorTilePasses} (jdk.incubator.vector in 8 lanes, where the JVM has the module and
 * the CPU has 512-bit vectors). Tested bit for bit against each other, tiles with many
 * Ziggurat rejections included.
 */
interface TilePasses {
    /**
     * Philox4x32-10 with key (key0[j], k1) and counter (c0, c1, idHi[j], c3), for j in [0, m):
     * w01[j] = w0 ≪ 32 | w1 and w23[j] = w2 ≪ 32 | w3. Arguments are 32-bit values.
     */
    void philox(int m, long c0, long c1, long c3, long k1, int[] key0, int[] idHi, long[] w01, long[] w23);

    /**
     * out[o + j] = the Ziggurat normal of words[j], j in [0, m); the rare slow path draws from
     * particle j's stream (slow0, slow1) as {@link org.ensemble.random.Ziggurat#normal} does.
     */
    void normals(TileState t, int m, long[] words, long slow0, long slow1, double[] out, int o);

    /**
     * One 1-D overdamped Euler–Maruyama step for every tile entry not stopped, its Gaussian from
     * words[j]; entries that enter a target for the first time get hit = nextStep. {@code field}
     * is the broadcast field (the mean first) of interacting runs, else unused.
     */
    void overdamped1D(TileState t, int m, long[] words, long slow0, long slow1, double[] field, long nextStep);

    String name();

    /**
     * New passes for one stepper (they hold scratch arrays, so each thread needs its own): the
     * vector ones where they run natively, else the scalar ones (same bits either way).
     */
    static TilePasses create() {
        if (Holder.VECTOR) {
            try {
                // By name, so that this interface never links the vector class where the module is absent.
                return (TilePasses) Class.forName("org.ensemble.kernel.VectorTilePasses").getDeclaredConstructor()
                        .newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new ScalarTilePasses();
            }
        }
        return new ScalarTilePasses();
    }

    /** Chooses once; the vector class is loaded only when its module is there. */
    final class Holder {
        static final boolean VECTOR = choose();

        private Holder() {
        }

        private static boolean choose() {
            if (Boolean.getBoolean("ensemble.scalar")
                    || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return false;
            }
            try {
                return (Boolean) Class.forName("org.ensemble.kernel.VectorTilePasses").getMethod("nativeHere")
                        .invoke(null);
            } catch (ReflectiveOperationException | LinkageError e) {
                return false;
            }
        }
    }
}
