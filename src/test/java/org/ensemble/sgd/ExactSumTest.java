package org.ensemble.sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exact sum is the correctly rounded value of the exact sum, whatever the order and grouping. */
class ExactSumTest {
    @Test
    void anyOrderAndGroupingRoundsTheExactSumOnce() {
        Random r = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            List<Double> terms = new ArrayList<>();
            int n = 1 + r.nextInt(40);
            for (int i = 0; i < n; i++) {
                // Wide exponents and cancellation: where plain summation depends on the order.
                double x = (r.nextDouble() - 0.5) * Math.pow(2, r.nextInt(120) - 60);
                terms.add(x);
                if (r.nextInt(4) == 0) {
                    terms.add(-x * (1 + 1e-15));
                }
            }
            BigDecimal exact = BigDecimal.ZERO;
            for (double x : terms) {
                exact = exact.add(new BigDecimal(x));
            }
            double expected = exact.doubleValue();
            for (int shuffle = 0; shuffle < 5; shuffle++) {
                Collections.shuffle(terms, r);
                int split = r.nextInt(terms.size() + 1);
                ExactSum a = new ExactSum();
                ExactSum b = new ExactSum();
                for (int i = 0; i < terms.size(); i++) {
                    (i < split ? a : b).add(terms.get(i));
                }
                ExactSum merged = new ExactSum();
                merged.addAll(b.expansion());
                merged.addAll(a.expansion());
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(merged.value()),
                        "trial " + trial + ": " + expected + " vs " + merged.value());
            }
        }
        ExactSum zero = new ExactSum();
        zero.add(1e300);
        zero.add(-1e300);
        assertEquals(0.0, zero.value());
        ExactSum inf = new ExactSum();
        inf.add(1);
        inf.add(Double.POSITIVE_INFINITY);
        assertEquals(Double.POSITIVE_INFINITY, inf.value());
    }

    /**
     * The rounding without BigDecimal is the BigDecimal rounding, bit for bit, where it is hardest:
     * a value a plus exactly half the gap to its neighbour (a tie, which goes to even), split over
     * several components, plus a tail that may be far below (2^-60 … 2^-1000 of a, subnormals too) and of
     * either sign — the tail alone decides the direction; binade edges (a a power of two, where the gap
     * below is half the gap above); and sums of subnormals. Reference: BigDecimal of the raw terms.
     */
    @Test
    void roundingWithoutBigDecimalMatchesItOnTiesNearTiesAndSubnormals() {
        Random r = new Random(11);
        int checked = 0;
        for (int trial = 0; trial < 5_000; trial++) {
            List<Double> terms = new ArrayList<>();
            double a = switch (trial % 4) {
                case 0 -> Math.scalb(1.0, r.nextInt(200) - 100); // a power of two: the binade edge
                case 1 -> Math.scalb(1 + r.nextInt(1 << 20) * 0x1p-52, r.nextInt(200) - 100); // few low bits set
                case 2 -> (r.nextDouble() + 1) * Math.scalb(1.0, r.nextInt(2000) - 1000);
                default -> r.nextInt(1 << 10) * Double.MIN_VALUE; // subnormal
            };
            a = r.nextBoolean() ? a : -a;
            double up = Math.abs(Math.nextUp(a) - a);
            double down = Math.abs(a - Math.nextDown(a));
            double half = (r.nextBoolean() ? up : -down) / 2; // toward either neighbour
            terms.add(a);
            // The half gap in one to three pieces (exact: powers of two below it, and the rest).
            if (half != 0 && r.nextBoolean() && Math.abs(half) >= 4 * Double.MIN_VALUE) {
                terms.add(half / 2);
                terms.add(half / 4);
                terms.add(half / 4);
            } else if (half != 0) {
                terms.add(half);
            }
            // Tail: none, the smallest subnormal, or a random small value of random sign.
            switch (r.nextInt(4)) {
                case 0 -> {
                }
                case 1 -> terms.add(r.nextBoolean() ? Double.MIN_VALUE : -Double.MIN_VALUE);
                default -> {
                    double tail = Math.abs(half) * Math.scalb(r.nextDouble() + 0.5, -(1 + r.nextInt(60)));
                    terms.add(r.nextBoolean() ? tail : -tail);
                    if (r.nextBoolean()) {
                        terms.add(-tail * Math.scalb(1.0, -(1 + r.nextInt(40)))); // a tail that overshoots back
                    }
                }
            }
            // A large cancelling pair, so the expansion carries many components.
            if (r.nextInt(3) == 0) {
                double big = Math.scalb(1.0, 30 + r.nextInt(60)) * Math.max(Math.abs(a), Double.MIN_NORMAL);
                if (Double.isFinite(big) && Double.isFinite(2 * big)) {
                    terms.add(big);
                    terms.add(-big);
                }
            }
            BigDecimal exact = BigDecimal.ZERO;
            for (double x : terms) {
                exact = exact.add(new BigDecimal(x));
            }
            double expected = exact.doubleValue();
            Collections.shuffle(terms, r);
            ExactSum s = new ExactSum();
            for (double x : terms) {
                s.add(x);
            }
            if (expected == 0) { // BigDecimal has no −0; a lone −0.0 term stays −0.0, as it always did
                assertEquals(0.0, s.value(), 0.0, "trial " + trial + ": " + terms);
                assertEquals(Double.doubleToLongBits(s.roundedExactly()), Double.doubleToLongBits(s.value()));
                continue;
            }
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(s.value()),
                    "trial " + trial + ": " + terms + " gave " + s.value() + ", exact " + exact);
            assertEquals(Double.doubleToLongBits(s.roundedExactly()), Double.doubleToLongBits(s.value()));
            checked++;
        }
        assertEquals(true, checked > 3_750, "too few non-zero cases checked: " + checked);
        // Ties by hand: 2^53 + 1 is a tie (to even: 2^53), 2^53 + 1 + 2^-1074 is above it, 2^53 + 1 − 2^-1074 below.
        assertEquals(0x1p53, sum(0x1p53, 1));
        assertEquals(0x1p53 + 2, sum(0x1p53, 1, Double.MIN_VALUE));
        assertEquals(0x1p53, sum(0x1p53, 1, -Double.MIN_VALUE));
        assertEquals(0x1p53 + 4, sum(0x1p53 + 2, 1)); // tie to even upward
        assertEquals(Math.nextDown(1.0), sum(1.0, -0x1p-54, -Double.MIN_VALUE)); // binade edge, below the tie
        assertEquals(1.0, sum(1.0, -0x1p-54, Double.MIN_VALUE));
    }

    private static double sum(double... terms) {
        ExactSum s = new ExactSum();
        for (double x : terms) {
            s.add(x);
        }
        return s.value();
    }
}
