package org.ensemble.sgd;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A sum of doubles computed exactly and rounded once, so its bits do not depend on how the terms
 * were grouped (per worker, per shard) or ordered: what makes BSP with M workers of batch b the same
 * bits as mini-batch SGD of batch M·b, and any shard plan the same bits as any other. A partial sum
 * travels as an expansion: non-overlapping doubles whose exact sum is the value. Non-finite terms
 * (a diverging run) are summed plainly, which is order-independent for ±∞ and NaN.
 */
public final class ExactSum {
    private BigDecimal exact = BigDecimal.ZERO;
    private double single;
    private int terms;
    private double nonFinite;
    private boolean anyNonFinite;

    public void add(double x) {
        if (!Double.isFinite(x)) {
            nonFinite += x;
            anyNonFinite = true;
            return;
        }
        if (terms == 0) {
            single = x;
        } else {
            if (terms == 1) {
                exact = new BigDecimal(single);
            }
            exact = exact.add(new BigDecimal(x));
        }
        terms++;
    }

    /** Adds every component of an expansion. */
    public void addAll(double[] expansion) {
        for (double x : expansion) {
            add(x);
        }
    }

    /** The sum rounded to the nearest double. */
    public double value() {
        if (anyNonFinite) {
            return nonFinite;
        }
        return terms == 0 ? 0.0 : terms == 1 ? single : exact.doubleValue();
    }

    /** The sum as an expansion (exact); a single component when the sum is a double. */
    public double[] expansion() {
        if (anyNonFinite) {
            return new double[]{nonFinite};
        }
        if (terms <= 1) {
            return new double[]{terms == 0 ? 0.0 : single};
        }
        List<Double> parts = new ArrayList<>();
        BigDecimal rest = exact;
        do {
            double d = rest.doubleValue();
            parts.add(d);
            rest = rest.subtract(new BigDecimal(d));
        } while (rest.signum() != 0);
        double[] out = new double[parts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = parts.get(i);
        }
        return out;
    }
}
