package org.ensemble.failures.linear;

/**
 * The Sylvester Hadamard matrix H_d (d a power of two): H_1 = [1], H_2m = [[H, H], [H, −H]], so
 * H_ij = (−1)^popcount(i AND j). Rows are orthogonal with ‖row‖² = d.
 */
public final class Sylvester {
    private Sylvester() {
    }

    /** Row-major d × d. */
    public static double[] matrix(int d) {
        if (d < 1 || Integer.bitCount(d) != 1) {
            throw new IllegalArgumentException("a Sylvester Hadamard matrix needs d a power of two, got " + d);
        }
        double[] h = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                h[i * d + j] = Integer.bitCount(i & j) % 2 == 0 ? 1 : -1;
            }
        }
        return h;
    }
}
