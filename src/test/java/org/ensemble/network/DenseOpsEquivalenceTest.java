package org.ensemble.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vector dense ops (512-bit and 256-bit shapes) equal the scalar reference bit for bit. */
class DenseOpsEquivalenceTest {
    private static final DenseOps SCALAR = new ScalarDenseOps();
    private static final DenseOps[] VECTOR = {new VectorDenseOps(true), new VectorDenseOps(false)};

    /** Values over many binades and both signs, so that any change of summation order shows. */
    private static double[] random(Random r, int len) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            v[i] = r.nextGaussian() * Math.scalb(1.0, r.nextInt(40) - 20);
        }
        return v;
    }

    @Test
    void dotMatchesScalarForEveryDimension() {
        Random r = new Random(11);
        for (int d = 1; d <= 70; d++) {
            for (int rep = 0; rep < 20; rep++) {
                int o = r.nextInt(5);
                int ox = r.nextInt(5);
                double[] w = random(r, o + d + 3);
                double[] x = random(r, ox + d + 3);
                long want = Double.doubleToRawLongBits(SCALAR.dot(w, o, x, ox, d));
                for (DenseOps v : VECTOR) {
                    assertEquals(want, Double.doubleToRawLongBits(v.dot(w, o, x, ox, d)), v.name() + " d = " + d);
                }
            }
        }
    }

    @Test
    void updateThenDotMatchesScalarForEveryDimension() {
        Random r = new Random(12);
        for (int d = 1; d <= 70; d++) {
            for (int rep = 0; rep < 20; rep++) {
                int o = r.nextInt(5);
                int ox = r.nextInt(5);
                int oxn = r.nextInt(5);
                double g = r.nextGaussian() * Math.scalb(1.0, r.nextInt(20) - 10);
                double[] w = random(r, o + d + 3);
                double[] x = random(r, ox + d + 3);
                double[] xn = random(r, oxn + d + 3);
                double[] ws = w.clone();
                long want = Double.doubleToRawLongBits(SCALAR.updateThenDot(ws, o, g, x, ox, xn, oxn, d));
                for (DenseOps v : VECTOR) {
                    double[] wv = w.clone();
                    long got = Double.doubleToRawLongBits(v.updateThenDot(wv, o, g, x, ox, xn, oxn, d));
                    assertEquals(want, got, v.name() + " d = " + d);
                    for (int i = 0; i < w.length; i++) {
                        assertEquals(Double.doubleToRawLongBits(ws[i]), Double.doubleToRawLongBits(wv[i]),
                                v.name() + " w[" + i + "], d = " + d);
                    }
                }
            }
        }
    }

    /**
     * Eight rows at once (the transposed reduction) = eight scalar update-then-dots plus b, for
     * every dimension (with and without a tail), at row and bias offsets, and with the rows' sums spread over
     * many binades so that any change in which partial sums are added together shows.
     */
    @Test
    void groupOfUpdateThenDotsMatchesScalarRowByRow() {
        Random r = new Random(13);
        int group = DenseOps.GROUP;
        for (int d = 1; d <= 50; d++) {
            for (int rep = 0; rep < 10; rep++) {
                int o = r.nextInt(5);
                int ob = r.nextInt(5);
                double[] g = random(r, group);
                double[] w = random(r, o + group * d + 3);
                double[] x = random(r, d + 3);
                double[] xn = random(r, d + 3);
                double[] b = random(r, ob + group + 3);
                double[] ws = w.clone();
                double[] want = new double[group];
                for (int l = 0; l < group; l++) {
                    want[l] = SCALAR.updateThenDot(ws, o + l * d, g[l], x, 0, xn, 0, d) + b[ob + l];
                }
                for (DenseOps v : new DenseOps[]{SCALAR, VECTOR[0], VECTOR[1]}) {
                    double[] wv = w.clone();
                    double[] h = new double[group];
                    v.updateThenDotGroup(wv, o, g, x, xn, d, b, ob, h, new double[2 * group]);
                    for (int l = 0; l < group; l++) {
                        assertEquals(Double.doubleToRawLongBits(want[l]), Double.doubleToRawLongBits(h[l]),
                                v.name() + " row " + l + ", d = " + d);
                    }
                    for (int i = 0; i < w.length; i++) {
                        assertEquals(Double.doubleToRawLongBits(ws[i]), Double.doubleToRawLongBits(wv[i]),
                                v.name() + " w[" + i + "], d = " + d);
                    }
                }
            }
        }
    }

    @Test
    void rampMatchesScalarOnEveryPieceAndEdge() {
        Random r = new Random(14);
        double t1 = 0.5;
        double t2 = 1.5;
        double[] special = {t1, t2, Math.nextDown(t1), Math.nextUp(t1), Math.nextDown(t2), Math.nextUp(t2), 0.0, -0.0,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0};
        for (int rep = 0; rep < 500; rep++) {
            double[] h = new double[DenseOps.GROUP];
            for (int l = 0; l < h.length; l++) {
                h[l] = r.nextInt(3) == 0 ? special[r.nextInt(special.length)] : 1.0 + 1.5 * r.nextGaussian();
            }
            int ods = r.nextInt(4);
            double[] svWant = new double[DenseOps.GROUP];
            double[] dsWant = new double[ods + DenseOps.GROUP + 2];
            SCALAR.ramp(h, t1, t2, -2.5, 7.5, 10.0, svWant, dsWant, ods);
            for (DenseOps v : VECTOR) {
                double[] sv = new double[DenseOps.GROUP];
                double[] ds = new double[dsWant.length];
                v.ramp(h, t1, t2, -2.5, 7.5, 10.0, sv, ds, ods);
                for (int l = 0; l < sv.length; l++) {
                    assertEquals(Double.doubleToRawLongBits(svWant[l]), Double.doubleToRawLongBits(sv[l]),
                            v.name() + " σ(" + h[l] + ")");
                }
                for (int l = 0; l < ds.length; l++) {
                    assertEquals(Double.doubleToRawLongBits(dsWant[l]), Double.doubleToRawLongBits(ds[l]),
                            v.name() + " ds[" + l + "]");
                }
            }
        }
        // The scalar reference itself: each piece, the closed edges and NaN in the linear piece.
        double[] h = {t1, t2, 0.0, 2.0, 1.0, Double.NaN, Math.nextUp(t1), Math.nextDown(t2)};
        double[] sv = new double[8];
        double[] ds = new double[8];
        SCALAR.ramp(h, t1, t2, -2.5, 7.5, 10.0, sv, ds, 0);
        assertEquals(java.util.List.of(-2.5, 7.5, -2.5, 7.5, 2.5), java.util.List.of(sv[0], sv[1], sv[2], sv[3], sv[4]));
        assertEquals(java.util.List.of(0.0, 0.0, 0.0, 0.0, 10.0, 10.0), java.util.List.of(ds[0], ds[1], ds[2], ds[3],
                ds[4], ds[5]));
        assertEquals(true, Double.isNaN(sv[5]));
    }

    @Test
    void theOrderMattersOnTheseInputs() {
        // Guards the two tests above against inputs on which every order gives the same bits.
        Random r = new Random(13);
        int differ = 0;
        for (int rep = 0; rep < 50; rep++) {
            double[] w = random(r, 40);
            double[] x = random(r, 40);
            double plain = 0;
            for (int c = 0; c < 40; c++) {
                plain += w[c] * x[c];
            }
            if (plain != SCALAR.dot(w, 0, x, 0, 40)) {
                differ++;
            }
        }
        assertEquals(true, differ > 10, "sequential and 8-sum dot differ on " + differ + " of 50");
    }
}
