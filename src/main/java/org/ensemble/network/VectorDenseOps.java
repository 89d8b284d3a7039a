package org.ensemble.network;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseOps} with the incubating Vector API: two 4-lane vectors hold the eight partial sums
 * (lanes 0–3 and 4–7), so the arithmetic is the scalar version's, in the same order, and the
 * update and the next dot product share one pass over the weights.
 */
public final class VectorDenseOps implements DenseOps {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    @Override
    public double dot(double[] w, int o, double[] x, int ox, int d) {
        DoubleVector lo = DoubleVector.zero(S);
        DoubleVector hi = DoubleVector.zero(S);
        int c = 0;
        for (; c + 8 <= d; c += 8) {
            lo = lo.add(DoubleVector.fromArray(S, w, o + c).mul(DoubleVector.fromArray(S, x, ox + c)));
            hi = hi.add(DoubleVector.fromArray(S, w, o + c + 4).mul(DoubleVector.fromArray(S, x, ox + c + 4)));
        }
        return finish(lo, hi, w, o, x, ox, c, d);
    }

    @Override
    public double updateThenDot(double[] w, int o, double g, double[] x, int ox, double[] xn, int oxn, int d) {
        DoubleVector lo = DoubleVector.zero(S);
        DoubleVector hi = DoubleVector.zero(S);
        int c = 0;
        for (; c + 8 <= d; c += 8) {
            DoubleVector w0 = DoubleVector.fromArray(S, w, o + c).add(DoubleVector.fromArray(S, x, ox + c).mul(g));
            DoubleVector w1 = DoubleVector.fromArray(S, w, o + c + 4)
                    .add(DoubleVector.fromArray(S, x, ox + c + 4).mul(g));
            w0.intoArray(w, o + c);
            w1.intoArray(w, o + c + 4);
            lo = lo.add(w0.mul(DoubleVector.fromArray(S, xn, oxn + c)));
            hi = hi.add(w1.mul(DoubleVector.fromArray(S, xn, oxn + c + 4)));
        }
        for (int t = c; t < d; t++) {
            w[o + t] += g * x[ox + t];
        }
        return finish(lo, hi, w, o, xn, oxn, c, d);
    }

    private static double finish(DoubleVector lo, DoubleVector hi, double[] w, int o, double[] x, int ox, int c,
                                 int d) {
        DoubleVector p = lo.add(hi);
        double s = (p.lane(0) + p.lane(1)) + (p.lane(2) + p.lane(3));
        for (int t = c; t < d; t++) {
            s += w[o + t] * x[ox + t];
        }
        return s;
    }

    @Override
    public String name() {
        return "vector-256";
    }
}
