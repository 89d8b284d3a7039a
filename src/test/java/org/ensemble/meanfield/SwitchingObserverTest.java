package org.ensemble.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ensemble.langevin.Measure;
import org.ensemble.langevin.StatisticsLevel;
import org.ensemble.observe.escape.EscapeSample;
import org.junit.jupiter.api.Test;

class SwitchingObserverTest {
    static Measure mean(double t, double m) {
        return new Measure(Math.round(t * 10), t, StatisticsLevel.MOMENTS, 10, 10, 0, new double[] {m},
                new double[1], null, null, null, null, new long[0], List.of(), null, null);
    }

    @Test
    void countsSwitchesWithHysteresisAndCensorsTheLastWait() {
        SwitchingObserver o = new SwitchingObserver(0.25);
        double[][] path = {{0, 0.1}, {1, 0.3}, {2, 0.1}, {3, -0.2}, {4, 0.2}, {5, -0.3}, {6, -0.1}, {7, 0.26},
            {9, 0.5}};
        for (double[] p : path) {
            o.observe(mean(p[0], p[1]));
        }
        // Committed to + at t = 1; excursions to −0.2 and +0.2 do not count; −0.3 at t = 5 is a
        // switch (wait 4); +0.26 at t = 7 another (wait 2); then censored from 7 to 9.
        assertEquals(2, o.switches());
        EscapeSample s = o.sample();
        assertEquals(3, s.size());
        assertEquals(2, s.escapedCount());
        assertEquals(4.0, s.times()[0]);
        assertEquals(2.0, s.times()[1]);
        assertEquals(2.0, s.times()[2]);
    }
}
