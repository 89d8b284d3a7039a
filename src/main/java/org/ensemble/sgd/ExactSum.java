package org.ensemble.sgd;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A sum of doubles computed exactly and rounded once, so its bits do not depend on how the terms
 * were grouped (per worker, per shard) or ordered: what makes BSP with M workers of batch b the same
 * bits as mini-batch SGD of batch M·b, and any shard plan the same bits as any other. The running
 * sum is an expansion — non-overlapping doubles whose exact sum is the value — grown by error-free
 * two-sums (Shewchuk's Grow-Expansion with zero elimination), and a partial sum travels as one.
 * Rounding is exact too (see {@link #value()}): the result is the exact sum rounded once. Non-finite terms (a
 * diverging run) are summed plainly, which is order-independent for ±∞ and NaN.
 */
public final class ExactSum {
    private double[] parts = new double[4];
    private int length;
    private double nonFinite;
    private boolean anyNonFinite;

    public void add(double x) {
        if (!Double.isFinite(x)) {
            nonFinite += x;
            anyNonFinite = true;
            return;
        }
        // Grow-Expansion: q absorbs each component in increasing order; the round-off errors are the new parts.
        double q = x;
        int n = 0;
        for (int i = 0; i < length; i++) {
            double e = parts[i];
            double s = q + e;
            double bv = s - q;
            double err = (q - (s - bv)) + (e - bv);
            q = s;
            if (err != 0) {
                parts[n++] = err;
            }
        }
        if (q != 0 || n == 0) {
            if (n == parts.length) {
                parts = Arrays.copyOf(parts, 2 * n);
            }
            parts[n++] = q;
        }
        length = n;
    }

    /** Adds every component of an expansion. */
    public void addAll(double[] expansion) {
        for (double x : expansion) {
            add(x);
        }
    }

    /**
     * The sum rounded to the nearest double (ties to even), with doubles only: the components are
     * added from the largest while that is exact; at the first inexact addition hi + lo (hi the
     * rounded sum, lo its error) the components left below are, being non-overlapping, smaller than
     * the lowest bit of lo, so they can only decide a tie: when |lo| is exactly half the gap to the
     * neighbour of hi in lo's direction and the rest has lo's sign, the true sum lies beyond the
     * midpoint and the neighbour is the answer (Python's math.fsum ends the same way). This is the
     * value {@link #roundedExactly()} computes through BigDecimal — the same bits (ExactSumTest,
     * adversarial ties and near-ties included) at a small fraction of the cost.
     */
    public double value() {
        if (anyNonFinite) {
            return nonFinite;
        }
        if (length == 0) {
            return 0.0;
        }
        int n = length - 1;
        double hi = parts[n];
        double lo = 0;
        while (n > 0) {
            double x = hi;
            double y = parts[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0) {
                break;
            }
        }
        if (n > 0 && (lo < 0 ? parts[n - 1] < 0 : lo > 0 && parts[n - 1] > 0)) {
            double y = lo * 2;
            double x = hi + y;
            if (x - hi == y) {
                hi = x;
            }
        }
        // Only a sum at the edge of overflow (or an overflowed expansion) can end here not finite:
        // take the slow path there, so that such sums behave exactly as they always did.
        return Double.isFinite(hi) ? hi : roundedExactly();
    }

    /** The sum rounded once through BigDecimal: the reference {@link #value()} equals (kept for it and for tests). */
    double roundedExactly() {
        if (anyNonFinite) {
            return nonFinite;
        }
        if (length == 0) {
            return 0.0;
        }
        if (length == 1) {
            return parts[0];
        }
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < length; i++) {
            exact = exact.add(new BigDecimal(parts[i]));
        }
        return exact.doubleValue();
    }

    /** Empties the sum for reuse (no allocation per coordinate). */
    public void clear() {
        length = 0;
        nonFinite = 0;
        anyNonFinite = false;
    }

    /** The sum as an expansion (exact), smallest component first. */
    public double[] expansion() {
        if (anyNonFinite) {
            return new double[]{nonFinite};
        }
        return length == 0 ? new double[]{0.0} : Arrays.copyOf(parts, length);
    }
}
