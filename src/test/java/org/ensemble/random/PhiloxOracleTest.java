package org.ensemble.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.rng.core.source32.Philox4x32;
import org.junit.jupiter.api.Test;

/** Our Philox4x32-10 (scalar, tile and kernel-inline forms) against commons-rng 1.7, bit for bit. */
class PhiloxOracleTest {

    /** commons-rng's generator emits the block of counter+1 first, so it is seeded with counter − 1. */
    static int[] oracleBlock(int k0, int k1, int c0, int c1, int c2, int c3) {
        long ctr = ((c1 & 0xFFFFFFFFL) << 32 | (c0 & 0xFFFFFFFFL)) - 1;
        int d0 = (int) ctr;
        int d1 = (int) (ctr >>> 32);
        int d2 = c2;
        int d3 = c3;
        if (c0 == 0 && c1 == 0) {
            // Borrow through the 128-bit counter.
            long hi = ((d3 & 0xFFFFFFFFL) << 32 | (d2 & 0xFFFFFFFFL)) - 1;
            d2 = (int) hi;
            d3 = (int) (hi >>> 32);
        }
        Philox4x32 rng = new Philox4x32(new int[] {k0, k1, d0, d1, d2, d3});
        return new int[] {rng.nextInt(), rng.nextInt(), rng.nextInt(), rng.nextInt()};
    }

    @Test
    void scalarBlockMatchesCommonsRng() {
        SplittableRandom r = new SplittableRandom(7);
        for (int t = 0; t < 2000; t++) {
            int k0 = r.nextInt();
            int k1 = r.nextInt();
            int c0 = r.nextInt();
            int c1 = r.nextInt();
            int c2 = r.nextInt();
            int c3 = r.nextInt();
            assertArrayEquals(oracleBlock(k0, k1, c0, c1, c2, c3),
                    org.ensemble.random.Philox4x32.block(k0, k1, c0, c1, c2, c3), "trial " + t);
        }
    }

    @Test
    void tileMatchesScalar() {
        SplittableRandom r = new SplittableRandom(11);
        int m = 300;
        int[] c0 = new int[m];
        int[] c1 = new int[m];
        int[] c2 = new int[m];
        int[] c3 = new int[m];
        int[] k0 = new int[m];
        int[][] expect = new int[m][];
        int k1 = r.nextInt();
        for (int j = 0; j < m; j++) {
            c0[j] = r.nextInt();
            c1[j] = r.nextInt();
            c2[j] = r.nextInt();
            c3[j] = r.nextInt();
            k0[j] = r.nextInt();
            expect[j] = oracleBlock(k0[j], k1, c0[j], c1[j], c2[j], c3[j]);
        }
        PhiloxTile.blocks(m, c0, c1, c2, c3, k0, k1);
        for (int j = 0; j < m; j++) {
            assertArrayEquals(expect[j], new int[] {c0[j], c1[j], c2[j], c3[j]}, "entry " + j);
        }
    }

    @Test
    void knownAnswerFromRandom123() {
        // Random123's kat_vectors: philox4x32 10 rounds, counter and key all 0xffffffff / pi digits.
        assertArrayEquals(new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
                org.ensemble.random.Philox4x32.block(-1, -1, -1, -1, -1, -1));
        assertArrayEquals(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1},
                org.ensemble.random.Philox4x32.block(0xa4093822, 0x299f31d0, 0x243f6a88, 0x85a308d3, 0x13198a2e,
                        0x03707344));
    }

    @Test
    void normalDrawUsesTheDocumentedBlock() {
        long seed = 0x1234_5678_9ABCL;
        long id = 5_000_000_123L;
        for (long q = 0; q < 50; q++) {
            int[] b = oracleBlock((int) id, (int) seed, (int) (q >>> 1), (int) Streams.normalCtr1(q),
                    (int) (id >>> 32), (int) (seed >>> 32));
            long word = (q & 1) == 0
                    ? ((long) b[0] << 32) | (b[1] & 0xFFFFFFFFL)
                    : ((long) b[2] << 32) | (b[3] & 0xFFFFFFFFL);
            double expected = Ziggurat.normal(word, id & 0xFFFFFFFFL, seed & 0xFFFFFFFFL, id >>> 32, seed >>> 32,
                    Streams.slowCtr0(q), Streams.slowCtr1(q), Ziggurat.X, Ziggurat.K, Ziggurat.F);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(Streams.normal(seed, id, q)));
        }
    }
}
