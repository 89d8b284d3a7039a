package org.ensemble.gnn;

import org.ensemble.sgd.ExactSum;

/**
 * A graph's vector from its node embeddings, feature by feature: sum and mean exact (rounded once:
 * a function of the multiset of rows, not of node order), max.
 */
public enum Readout {
    SUM("sum"),
    MEAN("mean"),
    MAX("max");

    private final String key;

    Readout(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The readout of rows [from, to) of h (width-wide rows). */
    public double[] apply(double[] h, int width, int from, int to) {
        double[] r = new double[width];
        for (int f = 0; f < width; f++) {
            if (this == MAX) {
                double m = Double.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    m = Math.max(m, h[i * width + f]);
                }
                r[f] = m;
            } else {
                ExactSum s = new ExactSum();
                for (int i = from; i < to; i++) {
                    s.add(h[i * width + f]);
                }
                r[f] = this == SUM ? s.value() : s.value() / (to - from);
            }
        }
        return r;
    }

    /** ‖a − b‖ / max(‖a‖, ‖b‖) (0 when both are 0): how far apart two readouts are, scale-free. */
    public static double relativeDistance(double[] a, double[] b) {
        double d = 0;
        double na = 0;
        double nb = 0;
        for (int f = 0; f < a.length; f++) {
            d += (a[f] - b[f]) * (a[f] - b[f]);
            na += a[f] * a[f];
            nb += b[f] * b[f];
        }
        double scale = Math.sqrt(Math.max(na, nb));
        return scale == 0 ? 0 : Math.sqrt(d) / scale;
    }
}
