package org.ensemble.observe.escape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class EscapeTimesTest {
    @Test
    void outputIsSortedByStepThenIdWhateverTheArrivalOrder() {
        List<Escape> events = List.of(new Escape(7, 30, "B"), new Escape(2, 10, "A"), new Escape(5, 10, "A"),
                new Escape(1, 30, "A"), new Escape(9, 20, "B"));
        EscapeTimes first = new EscapeTimes(0.01);
        events.forEach(first::add);
        List<Escape> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(3));
        EscapeTimes second = new EscapeTimes(0.01);
        shuffled.forEach(e -> second.add(e.id(), e.step(), e.target()));
        assertEquals(List.of(new Escape(2, 10, "A"), new Escape(5, 10, "A"), new Escape(9, 20, "B"),
                new Escape(1, 30, "A"), new Escape(7, 30, "B")), first.events());
        assertEquals(first.events(), second.events());
        EscapeSample s = first.finish(3, 100);
        assertEquals(s, second.finish(3, 100));
        assertArrayEquals(new double[] {10 * 0.01, 10 * 0.01, 20 * 0.01, 30 * 0.01, 30 * 0.01, 1, 1, 1}, s.times(),
                0);
        assertEquals(5, s.escapedCount());
        assertEquals(3, s.censoredCount());
    }

    @Test
    void causeSpecificSampleCensorsOtherTargetsAtTheirEscape() {
        EscapeTimes t = new EscapeTimes(0.5);
        t.add(1, 4, "A");
        t.add(2, 2, "B");
        EscapeSample a = t.finishFor("A", 1, 10);
        assertArrayEquals(new double[] {1, 2, 5}, a.times(), 0);
        assertArrayEquals(new boolean[] {false, true, false}, a.escaped());
        assertEquals(0, t.finishFor("nowhere", 1, 10).escapedCount());
    }

    @Test
    void competingRatesAreRecoveredFromCauseSpecificSamples() {
        // Two exponential clocks per particle, rates 0.1 (A) and 0.3 (B), run to T = 5 with dt = 0.01. The
        // cause-specific MLE d_A/TTT estimates k_A = 0.1 with relative SE 1/√d_A ≈ 3.4% (d_A ≈ 865): 4 SE.
        // Rounding times up to the step grid shifts them by dt/2 on average, a 0.05% effect on TTT.
        double dt = 0.01;
        long finalStep = 500;
        UniformRandomProvider r = Samples.rng(17);
        EscapeTimes times = new EscapeTimes(dt);
        long censored = 0;
        for (long id = 0; id < 4000; id++) {
            double ta = -Math.log(1 - r.nextDouble()) / 0.1;
            double tb = -Math.log(1 - r.nextDouble()) / 0.3;
            double t = Math.min(ta, tb);
            long step = (long) Math.ceil(t / dt);
            if (step > finalStep) {
                censored++;
            } else {
                times.add(id, step, ta < tb ? "A" : "B");
            }
        }
        MfptEstimate a = MfptEstimator.estimate(times.finishFor("A", censored, finalStep));
        assertEquals(0.1, a.rate(), 4 * a.rate() / Math.sqrt(a.escaped()), a.toString());
        MfptEstimate b = MfptEstimator.estimate(times.finishFor("B", censored, finalStep));
        assertEquals(0.3, b.rate(), 4 * b.rate() / Math.sqrt(b.escaped()), b.toString());
        MfptEstimate any = MfptEstimator.estimate(times.finish(censored, finalStep));
        assertEquals(0.4, any.rate(), 4 * any.rate() / Math.sqrt(any.escaped()), any.toString());
    }

    @Test
    void inconsistentEventsAreRejected() {
        EscapeTimes t = new EscapeTimes(0.1);
        t.add(3, 5, "A");
        t.add(3, 8, "B");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> t.finish(0, 10));
        assertTrue(twice.getMessage().contains("particle 3"), twice.getMessage());
        EscapeTimes late = new EscapeTimes(0.1);
        late.add(1, 12, "A");
        IllegalArgumentException after = assertThrows(IllegalArgumentException.class, () -> late.finish(0, 10));
        assertTrue(after.getMessage().contains("after the final step 10"), after.getMessage());
        assertThrows(IllegalArgumentException.class, () -> late.finish(-1, 20));
        assertThrows(IllegalArgumentException.class, () -> late.add(-1, 3, "A"));
        assertThrows(IllegalArgumentException.class, () -> late.add(2, -3, "A"));
        assertThrows(IllegalArgumentException.class, () -> late.add(2, 3, ""));
        assertThrows(IllegalArgumentException.class, () -> new EscapeTimes(0));
        assertThrows(IllegalArgumentException.class, () -> new EscapeTimes(Double.NaN));
    }
}
