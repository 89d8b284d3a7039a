package org.ensemble.observe.escape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EscapeSampleTest {
    @Test
    void commonCensoringTimeGivesCountsAndExposure() {
        EscapeSample s = EscapeSample.of(new double[] {1, 2.5, 4}, 2, 10);
        assertEquals(5, s.size());
        assertEquals(3, s.escapedCount());
        assertEquals(2, s.censoredCount());
        assertEquals(1 + 2.5 + 4 + 2 * 10, s.exposure(), 0);
        assertEquals(10, s.maxTime(), 0);
        assertArrayEquals(new double[] {1, 2.5, 4}, s.escapeTimes(), 0);
        assertArrayEquals(new boolean[] {true, true, true, false, false}, s.escaped());
    }

    @Test
    void individualCensoringTimes() {
        EscapeSample s = EscapeSample.of(new double[] {3}, new double[] {1, 7});
        assertArrayEquals(new double[] {3, 1, 7}, s.times(), 0);
        assertArrayEquals(new boolean[] {true, false, false}, s.escaped());
        assertEquals(11, s.exposure(), 0);
    }

    @Test
    void invalidTimesAreRejectedWithTheirIndex() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new EscapeSample(new double[] {1, Double.NaN}, new boolean[] {true, true}));
        assertTrue(nan.getMessage().contains("particle 1") && nan.getMessage().contains("NaN"), nan.getMessage());
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> EscapeSample.of(new double[] {-0.5}, 0, 1));
        assertTrue(neg.getMessage().contains("-0.5"), neg.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EscapeSample.of(new double[] {Double.POSITIVE_INFINITY}, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> EscapeSample.of(new double[] {1}, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> EscapeSample.of(new double[] {1}, 1, Double.NaN));
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> new EscapeSample(new double[] {1, 2}, new boolean[] {true}));
        assertTrue(len.getMessage().contains("differ in length"), len.getMessage());
    }

    @Test
    void isImmutable() {
        double[] t = {1, 2};
        boolean[] e = {true, false};
        EscapeSample s = new EscapeSample(t, e);
        t[0] = 99;
        e[1] = true;
        s.times()[1] = 99;
        s.escaped()[0] = false;
        assertArrayEquals(new double[] {1, 2}, s.times(), 0);
        assertArrayEquals(new boolean[] {true, false}, s.escaped());
        assertEquals(s, new EscapeSample(new double[] {1, 2}, new boolean[] {true, false}));
        assertEquals(s.hashCode(), new EscapeSample(new double[] {1, 2}, new boolean[] {true, false}).hashCode());
    }

    @Test
    void emptySampleIsAllowed() {
        EscapeSample s = EscapeSample.of(new double[0], 0, 0);
        assertEquals(0, s.size());
        assertEquals(0, s.exposure(), 0);
    }
}
