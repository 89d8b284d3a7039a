package org.ensemble.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.langevin.EscapeEvent;
import org.ensemble.langevin.Measure;
import org.ensemble.langevin.StatisticsLevel;
import org.junit.jupiter.api.Test;

/**
 * The engine advances independent particles in bulk up to the earliest need: the scenario's reports
 * (every 50 steps here) and whatever an observer asks for (steps 17 and 123 here). The extra full
 * measures arrive at exactly those steps, and the reports and escape events are the same bits as
 * without them: chunking changes no number (a split phase only reorders the events it holds).
 */
class ObserverCadenceTest {
    @Test
    void anObserversNeedsAreMetAndChangeNothingElse() {
        ShardInvarianceTest.Recorded plain = ShardInvarianceTest.run(false, 2, Granularity.BLOCK);
        List<Measure> seen = new ArrayList<>();
        List<EscapeEvent> events = new ArrayList<>();
        Observer<Measure> needy = new Observer<>() {
            @Override
            public void observe(Measure m) {
                seen.add(m);
                events.addAll(m.events());
            }

            @Override
            public long nextNeed(long step) {
                return step <= 17 ? 17 : step <= 123 ? 123 : NEVER;
            }
        };
        ShardInvarianceTest.Recorded chunked = ShardInvarianceTest.run(false, 2, Granularity.BLOCK, needy);
        List<Long> extra = new ArrayList<>();
        List<Measure> reports = new ArrayList<>();
        for (Measure m : seen) {
            assertEquals(StatisticsLevel.FULL, m.level(), "every independent phase ends at a need");
            if (m.step() % 50 == 0 || m.step() == 400) {
                reports.add(m);
            } else {
                extra.add(m.step());
            }
        }
        assertEquals(List.of(17L, 123L), extra);
        assertEquals(plain.measures().size(), reports.size());
        for (int k = 0; k < reports.size(); k++) {
            Measure a = plain.measures().get(k);
            Measure b = reports.get(k);
            assertEquals(a.step(), b.step());
            assertArrayEquals(a.mean(), b.mean());
            assertArrayEquals(a.covariance(), b.covariance());
            assertArrayEquals(a.histogram()[0], b.histogram()[0]);
            assertEquals(a.measured(), b.measured());
        }
        assertTrue(events.size() > 20);
        // Within a phase events come in id order, so a split phase reorders them; as escapes.csv has
        // them (by step, then id) they are the same.
        assertEquals(sorted(plain.events()), sorted(events));
        assertEquals(plain.outcome().steps(), chunked.outcome().steps());
    }

    private static List<EscapeEvent> sorted(List<EscapeEvent> e) {
        List<EscapeEvent> s = new ArrayList<>(e);
        s.sort(java.util.Comparator.comparingLong(EscapeEvent::step).thenComparingLong(EscapeEvent::id));
        return s;
    }
}
