package org.ensemble.failures.linear;

import org.ensemble.random.Streams;

/**
 * The order in which examples are shown: {@code passes} uniformly random permutations of 0..n−1
 * one after the other (one pass: each example once), Fisher–Yates on Philox uniforms keyed by
 * (seed, id = order number), so every order is a pure function of (seed, id).
 */
public final class ExampleOrder {
    /** Auxiliary Philox stream of example orders (distinct from the library's data and init streams). */
    static final int STREAM_ORDER = 40;

    private ExampleOrder() {
    }

    public static int[] shuffled(int n, int passes, long seed, long id) {
        int[] out = new int[n * passes];
        long counter = 0;
        for (int p = 0; p < passes; p++) {
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = (int) (Streams.uniform(seed, id, STREAM_ORDER, counter++) * (i + 1));
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            System.arraycopy(perm, 0, out, p * n, n);
        }
        return out;
    }

    /** An integer uniform in [0, m), the {@code draw}-th of (seed, id) on its own stream. */
    public static int uniformIndex(int m, long seed, long id, long draw) {
        return (int) (Streams.uniform(seed, id, STREAM_ORDER + 1, draw) * m);
    }
}
