package org.ensemble.network;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseOps} with the incubating Vector API. The eight partial sums live in one 8-lane
 * (512-bit) vector where the CPU has one, else in two 4-lane vectors (lanes 0–3 and 4–7); either
 * way lane c mod 8 takes coordinate c, the halves are added lane-wise (s0+s4, s1+s5, s2+s6,
 * s3+s7) and then pairwise, so the arithmetic is the scalar version's, in the same order, and the
 * update and the next dot product share one pass over the weights.
 */
public final class VectorDenseOps implements DenseOps {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Double> S8 = DoubleVector.SPECIES_512;
    /** Whether the 512-bit shape is native here (else the Vector API would emulate it slowly). */
    static final boolean WIDE = DoubleVector.SPECIES_PREFERRED.length() >= 8
            && !Boolean.getBoolean("ensemble.vector256");
    /** Lane i takes lane i + 4 (mod 8): the upper half moved onto the lower one. */
    private static final VectorShuffle<Double> HALVES = VectorShuffle.fromValues(S8, 4, 5, 6, 7, 0, 1, 2, 3);
    /** Lane i takes lane i xor 1: neighbours swapped. */
    private static final VectorShuffle<Double> PAIRS = VectorShuffle.fromValues(S8, 1, 0, 3, 2, 5, 4, 7, 6);
    /** Lane i takes lane i xor 2: pairs of lanes swapped. */
    private static final VectorShuffle<Double> QUADS = VectorShuffle.fromValues(S8, 2, 3, 0, 1, 6, 7, 4, 5);
    private static final VectorMask<Double> UPPER_HALF = VectorMask.fromValues(S8, false, false, false, false, true,
            true, true, true);
    private static final VectorMask<Double> ODD = VectorMask.fromValues(S8, false, true, false, true, false, true,
            false, true);
    private static final VectorMask<Double> UPPER_PAIRS = VectorMask.fromValues(S8, false, false, true, true, false,
            false, true, true);

    private final boolean wide;

    public VectorDenseOps() {
        this(WIDE);
    }

    /** {@code wide}: one 512-bit vector, else two 256-bit ones (package-private: tests run both). */
    VectorDenseOps(boolean wide) {
        this.wide = wide;
    }

    @Override
    public double dot(double[] w, int o, double[] x, int ox, int d) {
        if (wide) {
            DoubleVector acc = DoubleVector.zero(S8);
            int c = 0;
            for (; c + 8 <= d; c += 8) {
                acc = acc.add(DoubleVector.fromArray(S8, w, o + c).mul(DoubleVector.fromArray(S8, x, ox + c)));
            }
            return tail(reduce(acc), w, o, x, ox, c, d);
        }
        DoubleVector lo = DoubleVector.zero(S);
        DoubleVector hi = DoubleVector.zero(S);
        int c = 0;
        for (; c + 8 <= d; c += 8) {
            lo = lo.add(DoubleVector.fromArray(S, w, o + c).mul(DoubleVector.fromArray(S, x, ox + c)));
            hi = hi.add(DoubleVector.fromArray(S, w, o + c + 4).mul(DoubleVector.fromArray(S, x, ox + c + 4)));
        }
        return tail(reduce(lo, hi), w, o, x, ox, c, d);
    }

    @Override
    public double updateThenDot(double[] w, int o, double g, double[] x, int ox, double[] xn, int oxn, int d) {
        int c = 0;
        double s;
        if (wide) {
            DoubleVector acc = DoubleVector.zero(S8);
            for (; c + 8 <= d; c += 8) {
                DoubleVector wv = DoubleVector.fromArray(S8, w, o + c).add(DoubleVector.fromArray(S8, x, ox + c).mul(g));
                wv.intoArray(w, o + c);
                acc = acc.add(wv.mul(DoubleVector.fromArray(S8, xn, oxn + c)));
            }
            s = reduce(acc);
        } else {
            DoubleVector lo = DoubleVector.zero(S);
            DoubleVector hi = DoubleVector.zero(S);
            for (; c + 8 <= d; c += 8) {
                DoubleVector w0 = DoubleVector.fromArray(S, w, o + c).add(DoubleVector.fromArray(S, x, ox + c).mul(g));
                DoubleVector w1 = DoubleVector.fromArray(S, w, o + c + 4)
                        .add(DoubleVector.fromArray(S, x, ox + c + 4).mul(g));
                w0.intoArray(w, o + c);
                w1.intoArray(w, o + c + 4);
                lo = lo.add(w0.mul(DoubleVector.fromArray(S, xn, oxn + c)));
                hi = hi.add(w1.mul(DoubleVector.fromArray(S, xn, oxn + c + 4)));
            }
            s = reduce(lo, hi);
        }
        for (int t = c; t < d; t++) {
            w[o + t] += g * x[ox + t];
        }
        return tail(s, w, o, xn, oxn, c, d);
    }

    @Override
    public void updateThenDotGroup(double[] w, int o, double[] g, double[] x, double[] xn, int d, double[] b, int ob,
                                   double[] h, double[] scratch) {
        if (!wide) {
            DenseOps.super.updateThenDotGroup(w, o, g, x, xn, d, b, ob, h, scratch);
            return;
        }
        // Rows 0, 4, 1, 5, then rows 2, 6, 3, 7, four at a time: one pass over x and x' updates four
        // rows and keeps their partial sums in four vectors, whose first two reduction steps leave
        // rows [0, 1, 0, 1, 4, 5, 4, 5] (then [2, 3, …]) in one vector; the last step puts rows 0…7
        // in order. Each half goes through scratch: with all eight rows in one loop C2 runs out of
        // inlining budget, and a vector that crosses a call left in place is boxed (measured 3× slower).
        fourRows(w, o, o + 4 * d, o + d, o + 5 * d, g[0], g[4], g[1], g[5], x, xn, d, scratch, 0);
        fourRows(w, o + 2 * d, o + 6 * d, o + 3 * d, o + 7 * d, g[2], g[6], g[3], g[7], x, xn, d, scratch, 8);
        DoubleVector sums = quads(DoubleVector.fromArray(S8, scratch, 0), DoubleVector.fromArray(S8, scratch, 8));
        int c = d & ~7;
        if (c == d) {
            sums.add(DoubleVector.fromArray(S8, b, ob)).intoArray(h, 0);
            return;
        }
        sums.intoArray(h, 0);
        for (int l = 0; l < GROUP; l++) {
            h[l] = tail(h[l], w, o + l * d, xn, 0, c, d) + b[ob + l];
        }
    }

    /**
     * Updates rows at o0, o4, o1, o5 (all of each row) and writes {@code pairs(halves(r0, r4),
     * halves(r1, r5))} of their next dots' partial sums to {@code scratch[os..os+8)}.
     */
    private static void fourRows(double[] w, int o0, int o4, int o1, int o5, double g0, double g4, double g1,
                                 double g5, double[] x, double[] xn, int d, double[] scratch, int os) {
        DoubleVector a0 = DoubleVector.zero(S8);
        DoubleVector a4 = DoubleVector.zero(S8);
        DoubleVector a1 = DoubleVector.zero(S8);
        DoubleVector a5 = DoubleVector.zero(S8);
        int c = 0;
        for (; c + 8 <= d; c += 8) {
            DoubleVector xv = DoubleVector.fromArray(S8, x, c);
            DoubleVector xnv = DoubleVector.fromArray(S8, xn, c);
            DoubleVector w0 = DoubleVector.fromArray(S8, w, o0 + c).add(xv.mul(g0));
            DoubleVector w4 = DoubleVector.fromArray(S8, w, o4 + c).add(xv.mul(g4));
            DoubleVector w1 = DoubleVector.fromArray(S8, w, o1 + c).add(xv.mul(g1));
            DoubleVector w5 = DoubleVector.fromArray(S8, w, o5 + c).add(xv.mul(g5));
            w0.intoArray(w, o0 + c);
            w4.intoArray(w, o4 + c);
            w1.intoArray(w, o1 + c);
            w5.intoArray(w, o5 + c);
            a0 = a0.add(w0.mul(xnv));
            a4 = a4.add(w4.mul(xnv));
            a1 = a1.add(w1.mul(xnv));
            a5 = a5.add(w5.mul(xnv));
        }
        for (int t = c; t < d; t++) {
            w[o0 + t] += g0 * x[t];
            w[o4 + t] += g4 * x[t];
            w[o1 + t] += g1 * x[t];
            w[o5 + t] += g5 * x[t];
        }
        pairs(halves(a0, a4), halves(a1, a5)).intoArray(scratch, os);
    }

    /** Lanes 0–3: a's s_l + s_(l+4); lanes 4–7: b's (the first step of {@link #reduce(DoubleVector)}). */
    private static DoubleVector halves(DoubleVector a, DoubleVector b) {
        return a.blend(b.rearrange(HALVES), UPPER_HALF).add(a.rearrange(HALVES).blend(b, UPPER_HALF));
    }

    /**
     * Of two {@link #halves} results p (rows i, j) and q (rows k, l): [p0+p1, q0+q1, p2+p3, q2+q3, p4+p5,
     * …] = rows [i's X, k's X, i's Y, k's Y, j's X, l's X, j's Y, l's Y], X = (s0+s4)+(s1+s5) and
     * Y = (s2+s6)+(s3+s7).
     */
    private static DoubleVector pairs(DoubleVector p, DoubleVector q) {
        return p.blend(q.rearrange(PAIRS), ODD).add(p.rearrange(PAIRS).blend(q, ODD));
    }

    /** Of two {@link #pairs} results (rows 0, 1, 4, 5 and 2, 3, 6, 7): X + Y of rows 0…7 in order. */
    private static DoubleVector quads(DoubleVector p, DoubleVector q) {
        return p.blend(q.rearrange(QUADS), UPPER_PAIRS).add(p.rearrange(QUADS).blend(q, UPPER_PAIRS));
    }

    @Override
    public void ramp(double[] h, double t1, double t2, double s1, double s2, double slope, double[] sv, double[] ds,
                     int ods) {
        if (wide) {
            ramp(S8, h, 0, t1, t2, s1, s2, slope, sv, ds, ods);
        } else {
            ramp(S, h, 0, t1, t2, s1, s2, slope, sv, ds, ods);
            ramp(S, h, 4, t1, t2, s1, s2, slope, sv, ds, ods + 4);
        }
    }

    /**
     * One vector of the group from lane offset {@code l}: the linear piece in every lane, then s2 where
     * h ≥ t2 and s1 where h ≤ t1 on top (as t1 &lt; t2, at most one applies; NaN takes the linear
     * piece, as in the scalar branches).
     */
    private static void ramp(VectorSpecies<Double> sp, double[] h, int l, double t1, double t2, double s1, double s2,
                             double slope, double[] sv, double[] ds, int ods) {
        DoubleVector v = DoubleVector.fromArray(sp, h, l);
        VectorMask<Double> low = v.compare(VectorOperators.LE, t1);
        VectorMask<Double> high = v.compare(VectorOperators.GE, t2);
        DoubleVector.broadcast(sp, s1).add(v.sub(t1).mul(slope)).blend(s2, high).blend(s1, low).intoArray(sv, l);
        DoubleVector.broadcast(sp, slope).blend(0.0, low.or(high)).intoArray(ds, ods);
    }

    /** ((s0+s4)+(s1+s5))+((s2+s6)+(s3+s7)) of one 8-lane vector. */
    private static double reduce(DoubleVector acc) {
        DoubleVector p = acc.add(acc.rearrange(HALVES)); // lanes 0–3: s0+s4, s1+s5, s2+s6, s3+s7
        DoubleVector q = p.add(p.rearrange(PAIRS)); // lane 0: (s0+s4)+(s1+s5), lane 2: (s2+s6)+(s3+s7)
        return q.lane(0) + q.lane(2);
    }

    private static double reduce(DoubleVector lo, DoubleVector hi) {
        DoubleVector p = lo.add(hi);
        return (p.lane(0) + p.lane(1)) + (p.lane(2) + p.lane(3));
    }

    private static double tail(double s, double[] w, int o, double[] x, int ox, int c, int d) {
        for (int t = c; t < d; t++) {
            s += w[o + t] * x[ox + t];
        }
        return s;
    }

    @Override
    public String name() {
        return wide ? "vector-512" : "vector-256";
    }
}
