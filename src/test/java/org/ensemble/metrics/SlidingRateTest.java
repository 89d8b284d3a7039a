package org.ensemble.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlidingRateTest {
    static final long S = 1_000_000_000L;

    @Test
    void nanBeforeTwoReports() {
        SlidingRate r = new SlidingRate(10 * S);
        assertTrue(Double.isNaN(r.perSecond(0)));
        r.record(0, 0);
        assertTrue(Double.isNaN(r.perSecond(S)));
    }

    @Test
    void followsAChangeOfPaceWithinAWindow() {
        SlidingRate r = new SlidingRate(10 * S);
        long t = 0;
        double total = 0;
        for (int i = 0; i < 1000; i++) { // 100 s at 1000/s, reports every 0.1 s
            t += S / 10;
            total += 100;
            r.record(t, total);
        }
        assertEquals(1000, r.perSecond(t), 1e-6);
        for (int i = 0; i < 200; i++) { // then 20 s at 5000/s
            t += S / 10;
            total += 500;
            r.record(t, total);
        }
        // The window (plus at most one sample spacing before it) holds only the new pace.
        assertEquals(5000, r.perSecond(t), 5000 * 0.02);
    }

    @Test
    void decaysWhenReportsStop() {
        SlidingRate r = new SlidingRate(10 * S);
        for (int i = 0; i <= 100; i++) {
            r.record(i * S / 10, i * 100.0);
        }
        long last = 10 * S;
        assertEquals(1000, r.perSecond(last + 5 * S), 1e-6, "within a window of the last report: unchanged");
        assertTrue(r.perSecond(last + 30 * S) < 300, "a stalled run must not show its old throughput");
    }

    @Test
    void memoryStaysBoundedWithVeryFrequentReports() {
        SlidingRate r = new SlidingRate(S);
        for (long i = 0; i < 1_000_000; i++) { // a report every microsecond
            r.record(i * 1000, i);
        }
        assertEquals(1e6, r.perSecond(1_000_000_000L), 1e6 * 0.05);
    }
}
