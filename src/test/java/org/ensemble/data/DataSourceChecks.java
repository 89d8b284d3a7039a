package org.ensemble.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

/** Determinism checks shared by the data-source tests. */
final class DataSourceChecks {
    /** Samples compared per check: enough that sources with few distinct samples (Hadamard d = 8) differ by chance only rarely. */
    private static final int RUN = 24;

    private DataSourceChecks() {
    }

    /** RUN consecutive training samples j, j+1, … of one step, labels appended after each x. */
    static double[] train(DataSource s, long step, int j) {
        int d = s.dimension();
        double[] out = new double[RUN * (d + 1)];
        double[] x = new double[d];
        for (int t = 0; t < RUN; t++) {
            out[t * (d + 1) + d] = s.trainSample(step, j + t, x);
            System.arraycopy(x, 0, out, t * (d + 1), d);
        }
        return out;
    }

    static double[] test(DataSource s, long j) {
        int d = s.dimension();
        double[] out = new double[RUN * (d + 1)];
        double[] x = new double[d];
        for (int t = 0; t < RUN; t++) {
            out[t * (d + 1) + d] = s.testSample(j + t, x);
            System.arraycopy(x, 0, out, t * (d + 1), d);
        }
        return out;
    }

    /** Same (seed, step, j) gives the same sample, also from a second instance; other j, step or stream differ. */
    static void assertDeterministic(DataSource s, DataSource twin) {
        double[] a = train(s, 5, 0);
        assertArrayEquals(a, train(s, 5, 0), "same (step, j) twice");
        assertArrayEquals(a, train(twin, 5, 0), "same (seed, step, j) from a twin");
        assertArrayEquals(test(s, 3), test(twin, 3), "held-out from a twin");
        assertFalse(Arrays.equals(a, train(s, 5, RUN)), "other j");
        assertFalse(Arrays.equals(a, train(s, 6, 0)), "other step");
        assertFalse(Arrays.equals(a, test(s, 0)), "train vs held-out stream");
        assertFalse(Arrays.equals(train(s, 0, 0), test(s, 0)), "train step 0 vs held-out");
        int d = s.dimension();
        for (int t = 0; t < RUN; t++) {
            assertEquals(a[t * (d + 1) + d], s.trainLabel(5, t, new double[d]), "trainLabel = trainSample's label, j = " + t);
        }
    }

    /** A different seed gives different samples. */
    static void assertSeedMatters(DataSource s, DataSource otherSeed) {
        assertFalse(Arrays.equals(train(s, 5, 0), train(otherSeed, 5, 0)), "other seed, training");
        assertFalse(Arrays.equals(test(s, 0), test(otherSeed, 0)), "other seed, held-out");
    }
}
