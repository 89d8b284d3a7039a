package org.ensemble.random;

/**
 * How (seed, particle id, stream, draw index) map onto Philox keys and counters, so that no two
 * uses of randomness ever share a block.
 *
 * <ul>
 *   <li>key = (id mod 2^32, seed mod 2^32); counter words 2 and 3 = (id ≫ 32, seed ≫ 32).</li>
 *   <li>Gaussian increments (tag 01 in the two top bits of counter word 1): draw q of a particle
 *       (q = step·d + coordinate) uses half q&1 of the block with counter word 0/1 = q ≫ 1.
 *       One block serves two draws. For d = 1 this is exactly the C peer's {@code philox-zig2}
 *       layout (../shared/peers/langevin.c).</li>
 *   <li>Ziggurat slow-path retries (tag 10): counter word 0 = q mod 2^32, word 1 = bits 16–29 of
 *       q ≫ 32 and the retry block number in bits 0–15 (bit 30 set for auxiliary streams, whose
 *       stream number then takes bits 16–29). For d = 1 this matches the C peer too.</li>
 *   <li>Auxiliary streams (tag 00): initial conditions, data samples, …: word 1 = stream number
 *       (below 2^30), word 0 = the stream's counter.</li>
 * </ul>
 */
public final class Streams {
    public static final long TAG_NORMAL = 0x40000000L;
    public static final long TAG_SLOW = 0x80000000L;
    /** Auxiliary stream numbers. */
    public static final int STREAM_INIT = 1;
    public static final int STREAM_INIT_VELOCITY = 2;
    public static final int STREAM_DATA = 3;
    /** Held-out samples of a data source (disjoint from its training stream). */
    public static final int STREAM_TEST = 4;
    /** A teacher network's own weights. */
    public static final int STREAM_TEACHER = 5;
    /** Noise of noisy SGD on neurons (Langevin on the weights): counter = step·params + index. */
    public static final int STREAM_NEURON_NOISE = 6;

    private Streams() {
    }

    public static long key0(long id) {
        return id & Philox4x32.MASK32;
    }

    public static long key1(long seed) {
        return seed & Philox4x32.MASK32;
    }

    public static long ctr2(long id) {
        return id >>> 32;
    }

    public static long ctr3(long seed) {
        return seed >>> 32;
    }

    /** Counter word 1 of the Gaussian block that holds draw q. */
    public static long normalCtr1(long q) {
        return ((q >>> 33) & 0x3FFFFFFFL) | TAG_NORMAL;
    }

    /** Counter word 0 of the Gaussian block that holds draw q. */
    public static long normalCtr0(long q) {
        return (q >>> 1) & Philox4x32.MASK32;
    }

    /** Counter word 0 of the slow-path blocks of draw q. */
    public static long slowCtr0(long q) {
        return q & Philox4x32.MASK32;
    }

    /** Counter word 1 (before adding the retry number) of the slow-path blocks of draw q. */
    public static long slowCtr1(long q) {
        return TAG_SLOW | (((q >>> 32) & 0x3FFFL) << 16);
    }

    /** A uniform double in [0, 1) with 53 random bits, from auxiliary stream {@code stream}. */
    public static double uniform(long seed, long id, int stream, long counter) {
        long w = Philox4x32.word01(key0(id), key1(seed), counter & Philox4x32.MASK32,
                ((counter >>> 32) & 0xFFFFL) << 14 | (stream & 0x3FFFL), ctr2(id), ctr3(seed));
        return (double) (w >>> 11) * Ziggurat.TWO_POW_M53;
    }

    /** Standard normal draw q of particle {@code id} (Java callers; kernels cache the block). */
    public static double normal(long seed, long id, long q) {
        long k0 = key0(id);
        long k1 = key1(seed);
        long c2 = ctr2(id);
        long c3 = ctr3(seed);
        long r = (q & 1L) == 0
                ? Philox4x32.word01(k0, k1, normalCtr0(q), normalCtr1(q), c2, c3)
                : Philox4x32.word23(k0, k1, normalCtr0(q), normalCtr1(q), c2, c3);
        return Ziggurat.normal(r, k0, k1, c2, c3, slowCtr0(q), slowCtr1(q), Ziggurat.X, Ziggurat.K, Ziggurat.F);
    }

    /** Standard normal from auxiliary stream {@code stream} (Box–Muller-free: one Ziggurat draw per counter). */
    public static double auxNormal(long seed, long id, int stream, long counter) {
        long k0 = key0(id);
        long k1 = key1(seed);
        long c2 = ctr2(id);
        long c3 = ctr3(seed);
        long c1 = ((counter >>> 32) & 0xFFFFL) << 14 | (stream & 0x3FFFL);
        long r = Philox4x32.word23(k0, k1, counter & Philox4x32.MASK32, c1, c2, c3);
        long slowC1 = TAG_SLOW | 0x40000000L | ((stream & 0x3FFFL) << 16);
        return Ziggurat.normal(r, k0, k1, c2, c3, counter & Philox4x32.MASK32, slowC1,
                Ziggurat.X, Ziggurat.K, Ziggurat.F);
    }
}
