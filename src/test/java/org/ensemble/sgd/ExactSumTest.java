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
}
