package org.ensemble.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ensemble.potential.DevicePotentials;
import org.ensemble.random.Philox4x32;
import org.ensemble.random.Ziggurat;

/**
 * {@link TilePasses} with the incubating Vector API, eight particles per 512-bit vector.
 *
 * <ul>
 *   <li>Philox: each 32-bit word lives zero-extended in a 64-bit lane, so the 32×32→64-bit
 *       products are plain 64-bit lane multiplies; the 64-bit word the Ziggurat reads,
 *       w0 ≪ 32 | w1, is then one shift and one or.</li>
 *   <li>Ziggurat: the layer's x and k are gathered from the tables; the accepted lanes (≈ 98.8%)
 *       finish in the vector, the others are redone one by one by the scalar slow path, which
 *       reads the same word.</li>
 *   <li>The 1-D overdamped step and its first-passage pre-test in the vector; the exact target
 *       test, rare, per lane.</li>
 * </ul>
 * Every lane computes the scalar expressions in the scalar order with IEEE operations (no fused
 * multiply-add), so the bits are {@link ScalarTilePasses}' (tested). Tails shorter than a vector
 * run the scalar code. Used only where 512-bit vectors are native: elsewhere the emulated lanes
 * would be slower than the scalar loops.
 */
final class VectorTilePasses implements TilePasses {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_512;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final int LANES = 8;
    private static final long MASK = Philox4x32.MASK32;

    private final int[] layers = new int[LANES];
    private final double[] lane = new double[LANES];

    /** Whether the CPU runs 8 long lanes natively (AVX-512), the only case where this class pays. */
    public static boolean nativeHere() {
        return LongVector.SPECIES_PREFERRED.length() >= LANES && DoubleVector.SPECIES_PREFERRED.length() >= LANES;
    }

    @Override
    public void philox(int m, long c0, long c1, long c3, long k1, int[] key0, int[] idHi, long[] w01, long[] w23) {
        int j = 0;
        for (; j + LANES <= m; j += LANES) {
            LongVector k = ((LongVector) IntVector.fromArray(I, key0, j).convertShape(VectorOperators.I2L, L, 0))
                    .and(MASK);
            LongVector a0 = LongVector.broadcast(L, c0);
            LongVector a1 = LongVector.broadcast(L, c1);
            LongVector a2 = ((LongVector) IntVector.fromArray(I, idHi, j).convertShape(VectorOperators.I2L, L, 0))
                    .and(MASK);
            LongVector a3 = LongVector.broadcast(L, c3);
            long key1 = k1;
            for (int r = 0; r < Philox4x32.ROUNDS; r++) {
                LongVector p0 = a0.mul(Philox4x32.M0);
                LongVector p1 = a2.mul(Philox4x32.M1);
                a0 = p1.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, a1)
                        .lanewise(VectorOperators.XOR, k);
                a1 = p1.and(MASK);
                a2 = p0.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, a3)
                        .lanewise(VectorOperators.XOR, key1);
                a3 = p0.and(MASK);
                k = k.add(Philox4x32.W0).and(MASK);
                key1 = (key1 + Philox4x32.W1) & MASK;
            }
            a0.lanewise(VectorOperators.LSHL, 32).or(a1).intoArray(w01, j);
            a2.lanewise(VectorOperators.LSHL, 32).or(a3).intoArray(w23, j);
        }
        if (j < m) {
            tail(j, m, c0, c1, c3, k1, key0, idHi, w01, w23);
        }
    }

    private static void tail(int from, int m, long c0, long c1, long c3, long k1, int[] key0, int[] idHi,
                             long[] w01, long[] w23) {
        for (int j = from; j < m; j++) {
            long k0 = key0[j] & MASK;
            long c2 = idHi[j] & MASK;
            w01[j] = Philox4x32.word01(k0, k1, c0, c1, c2, c3);
            w23[j] = Philox4x32.word23(k0, k1, c0, c1, c2, c3);
        }
    }

    @Override
    public void normals(TileState t, int m, long[] words, long slow0, long slow1, double[] out, int o) {
        int j = 0;
        for (; j + LANES <= m; j += LANES) {
            LongVector r = LongVector.fromArray(L, words, j);
            // The fast path, written out here and in overdamped1D: a helper returning the vector
            // and the mask would make the JIT allocate them.
            ((IntVector) r.and(0xFFL).convertShape(VectorOperators.L2I, I, 0)).intoArray(layers, 0);
            DoubleVector u = ((DoubleVector) r.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0))
                    .mul(Ziggurat.TWO_POW_M53);
            VectorMask<Double> accepted = u.compare(VectorOperators.LT, DoubleVector.fromArray(D, t.zk, 0, layers, 0));
            signed(u.mul(DoubleVector.fromArray(D, t.zx, 0, layers, 0)), r).intoArray(out, o + j);
            if (!accepted.allTrue()) {
                long rejected = accepted.not().toLong();
                for (int l = 0; l < LANES; l++) {
                    if ((rejected >>> l & 1L) != 0) {
                        out[o + j + l] = ScalarTilePasses.slow(t, j + l, words[j + l], slow0, slow1);
                    }
                }
            }
        }
        for (; j < m; j++) {
            out[o + j] = ScalarTilePasses.normal(t, j, words[j], slow0, slow1);
        }
    }

    /**
     * z with its sign flipped where bit 8 of the word is set. The scalar code multiplies by
     * 1 − 2·bit8, which is exactly a flip of the sign bit (z is finite), so the bits agree.
     */
    private static DoubleVector signed(DoubleVector z, LongVector r) {
        LongVector sign = r.lanewise(VectorOperators.LSHL, 55).and(Long.MIN_VALUE);
        return (DoubleVector) z.viewAsIntegralLanes().lanewise(VectorOperators.XOR, sign).viewAsFloatingLanes();
    }

    @Override
    public void overdamped1D(TileState t, int m, long[] words, long slow0, long slow1, double[] field,
                             long nextStep) {
        int type = t.potentialType;
        if (t.pairField != null || (type != DevicePotentials.DOUBLE_WELL && type != DevicePotentials.HARMONIC)) {
            ScalarTilePasses.overdamped1D(t, 0, m, words, slow0, slow1, field, nextStep);
            return;
        }
        double m0 = t.interacting ? field[0] : 0.0;
        double[] p = t.potentialParams;
        boolean doubleWell = type == DevicePotentials.DOUBLE_WELL;
        double[] xs = t.x;
        boolean checkTargets = t.targetCount > 0;
        // Only absorbing targets stop particles; otherwise every lane moves.
        boolean absorbing = t.absorbing && checkTargets;
        VectorMask<Double> all = D.maskAll(true);
        int j = 0;
        for (; j + LANES <= m; j += LANES) {
            VectorMask<Double> moving = absorbing ? VectorMask.fromArray(D, t.stopped, j).not() : all;
            if (absorbing && !moving.anyTrue()) {
                continue;
            }
            LongVector r = LongVector.fromArray(L, words, j);
            ((IntVector) r.and(0xFFL).convertShape(VectorOperators.L2I, I, 0)).intoArray(layers, 0);
            DoubleVector u = ((DoubleVector) r.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0))
                    .mul(Ziggurat.TWO_POW_M53);
            VectorMask<Double> accepted = u.compare(VectorOperators.LT, DoubleVector.fromArray(D, t.zk, 0, layers, 0));
            DoubleVector g = signed(u.mul(DoubleVector.fromArray(D, t.zx, 0, layers, 0)), r);
            VectorMask<Double> rejected = accepted.not().and(moving);
            if (rejected.anyTrue()) {
                g.intoArray(lane, 0);
                long bits = rejected.toLong();
                for (int l = 0; l < LANES; l++) {
                    if ((bits >>> l & 1L) != 0) {
                        lane[l] = ScalarTilePasses.slow(t, j + l, words[j + l], slow0, slow1);
                    }
                }
                g = DoubleVector.fromArray(D, lane, 0);
            }
            DoubleVector x0 = DoubleVector.fromArray(D, xs, j);
            DoubleVector f0 = doubleWell
                    ? x0.mul(4.0).mul(x0.mul(x0).sub(1.0)).add(p[0])
                    : x0.sub(p[3]).mul(p[0]);
            if (t.interacting) {
                f0 = f0.add(x0.sub(m0).mul(t.theta));
            }
            DoubleVector y0 = x0.sub(f0.mul(t.dt)).add(g.mul(t.noise));
            (absorbing ? x0.blend(y0, moving) : y0).intoArray(xs, j);
            if (checkTargets) {
                VectorMask<Double> candidate = y0.compare(VectorOperators.GE, t.crossLow)
                        .or(y0.compare(VectorOperators.LE, t.crossHigh)).and(moving);
                if (candidate.anyTrue()
                        && candidate.and(LongVector.fromArray(L, t.hit, j).compare(VectorOperators.EQ, 0L).cast(D))
                        .anyTrue()) {
                    long bits = candidate.toLong();
                    for (int l = 0; l < LANES; l++) {
                        if ((bits >>> l & 1L) != 0 && t.hit[j + l] == 0) {
                            ScalarTilePasses.firstPassage(t, j + l, xs[j + l], nextStep);
                        }
                    }
                }
            }
        }
        ScalarTilePasses.overdamped1D(t, j, m, words, slow0, slow1, field, nextStep);
    }

    @Override
    public String name() {
        return "vector (jdk.incubator.vector, 8 lanes)";
    }
}
