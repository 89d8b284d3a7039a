package org.ensemble.random;

/**
 * Philox4x32-10 (Salmon et al., SC'11) with the 128-bit state held as two longs,
 * {@code a = c0<<32 | c1} and {@code b = c2<<32 | c3}. All arithmetic is on {@code long}s
 * masked to 32 bits, because signed int overflow is undefined in OpenCL C and kernels
 * translate this code. {@code (w0<<32)|w1} of a block is simply the final {@code a}: that is
 * the 64-bit word the Ziggurat consumes.
 *
 * <p>Kernels inline the ten rounds with {@link #mixA}/{@link #mixB} (they cannot receive two
 * results from one call); {@link #word01}/{@link #word23} run a whole block for callers that
 * need one half.
 */
public final class Philox4x32 {
    public static final long M0 = 0xD2511F53L;
    public static final long M1 = 0xCD9E8D57L;
    public static final long W0 = 0x9E3779B9L;
    public static final long W1 = 0xBB67AE85L;
    public static final long MASK32 = 0xFFFFFFFFL;
    public static final int ROUNDS = 10;

    private Philox4x32() {
    }

    /** One round's new {@code (c0, c1)}: c0' = hi(M1·c2) ⊕ c1 ⊕ k0, c1' = lo(M1·c2). */
    public static long mixA(long a, long b, long k0) {
        long p1 = M1 * (b >>> 32);
        long c0 = (p1 >>> 32) ^ (a & MASK32) ^ k0;
        return (c0 << 32) | (p1 & MASK32);
    }

    /** One round's new {@code (c2, c3)}: c2' = hi(M0·c0) ⊕ c3 ⊕ k1, c3' = lo(M0·c0). */
    public static long mixB(long a, long b, long k1) {
        long p0 = M0 * (a >>> 32);
        long c2 = (p0 >>> 32) ^ (b & MASK32) ^ k1;
        return (c2 << 32) | (p0 & MASK32);
    }

    /** Words (w0, w1) of the block for key (k0, k1) and counter (c0..c3), each a 32-bit value. */
    public static long word01(long k0, long k1, long c0, long c1, long c2, long c3) {
        long a = (c0 << 32) | c1;
        long b = (c2 << 32) | c3;
        long key0 = k0;
        long key1 = k1;
        for (int r = 0; r < ROUNDS; r++) {
            long na = mixA(a, b, key0);
            b = mixB(a, b, key1);
            a = na;
            key0 = (key0 + W0) & MASK32;
            key1 = (key1 + W1) & MASK32;
        }
        return a;
    }

    /** Words (w2, w3) of the block for key (k0, k1) and counter (c0..c3). */
    public static long word23(long k0, long k1, long c0, long c1, long c2, long c3) {
        long a = (c0 << 32) | c1;
        long b = (c2 << 32) | c3;
        long key0 = k0;
        long key1 = k1;
        for (int r = 0; r < ROUNDS; r++) {
            long na = mixA(a, b, key0);
            b = mixB(a, b, key1);
            a = na;
            key0 = (key0 + W0) & MASK32;
            key1 = (key1 + W1) & MASK32;
        }
        return b;
    }

    /** The whole block as four 32-bit words (Java callers and tests). */
    public static int[] block(int k0, int k1, int c0, int c1, int c2, int c3) {
        long lk0 = k0 & MASK32;
        long lk1 = k1 & MASK32;
        long a = word01(lk0, lk1, c0 & MASK32, c1 & MASK32, c2 & MASK32, c3 & MASK32);
        long b = word23(lk0, lk1, c0 & MASK32, c1 & MASK32, c2 & MASK32, c3 & MASK32);
        return new int[] {(int) (a >>> 32), (int) a, (int) (b >>> 32), (int) b};
    }
}
