package org.ensemble.sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event ordering alone, without gradients or actors. */
class PushScheduleTest {
    @Test
    void fixedTimesUnderAspMakeEveryPushExactlyMMinusOneStale() {
        for (int m = 1; m <= 5; m++) {
            PushSchedule s = new PushSchedule(Policy.ASP, m, 0, DelayModel.fixed());
            for (int v = 0; v < 50; v++) {
                Update u = s.next();
                assertEquals(v, u.from());
                assertEquals(1, u.jobs().size());
                assertEquals(v % m, u.jobs().get(0).worker(), "round robin in worker order");
                assertEquals(v / m, u.jobs().get(0).index());
                assertEquals(Math.max(0, v - (m - 1)), u.pulled(), "pulled version of push " + v + ", M = " + m);
            }
        }
    }

    @Test
    void bspRoundsHaveAllWorkersOnTheRoundsVersion() {
        PushSchedule s = new PushSchedule(Policy.BSP, 3, 0, new DelayModel(DelayModel.Kind.GEOMETRIC, 4, 0, 0, 1, 9));
        double last = 0;
        for (int v = 0; v < 10; v++) {
            Update u = s.next();
            assertEquals(3, u.jobs().size());
            assertEquals(0, u.staleness());
            for (int w = 0; w < 3; w++) {
                assertEquals(new GradientJob(w, v, v), u.jobs().get(w));
            }
            assertTrue(u.time() > last, "a round takes as long as its slowest worker");
            last = u.time();
        }
    }

    @Test
    void sspNeverLetsAWorkerRunMoreThanTheBoundAheadAndAspDoes() {
        DelayModel straggler = new DelayModel(DelayModel.Kind.LOG_NORMAL, 1, 0.3, 1, 5, 3);
        for (int bound : new int[]{0, 1, 3}) {
            PushSchedule s = new PushSchedule(Policy.SSP, 4, bound, straggler);
            long[] pushed = new long[4];
            for (int v = 0; v < 400; v++) {
                GradientJob j = s.next().jobs().get(0);
                assertEquals(pushed[j.worker()], j.index());
                long slowest = Math.min(Math.min(pushed[0], pushed[1]), Math.min(pushed[2], pushed[3]));
                assertTrue(j.index() - slowest <= bound, "worker " + j.worker() + " pushed its gradient " + j.index()
                        + " while the slowest had pushed " + slowest + " (bound " + bound + ")");
                pushed[j.worker()]++;
            }
        }
        PushSchedule asp = new PushSchedule(Policy.ASP, 4, 0, straggler);
        long[] pushed = new long[4];
        for (int v = 0; v < 400; v++) {
            pushed[asp.next().jobs().get(0).worker()]++;
        }
        assertTrue(pushed[0] > 3 * pushed[3], "under ASP the fast workers run ahead of the 5× straggler: "
                + java.util.Arrays.toString(pushed));
    }

    @Test
    void randomDelaysAreAFunctionOfTheSeedOnly() {
        DelayModel a = new DelayModel(DelayModel.Kind.GEOMETRIC, 3, 0, 0, 1, 42);
        List<Update> first = take(new PushSchedule(Policy.ASP, 6, 0, a), 300);
        assertEquals(first, take(new PushSchedule(Policy.ASP, 6, 0, a), 300));
        List<Update> other = take(new PushSchedule(Policy.ASP, 6, 0, new DelayModel(DelayModel.Kind.GEOMETRIC, 3, 0,
                0, 1, 43)), 300);
        assertTrue(!first.equals(other), "another seed gives another interleaving");
        long maxStale = first.stream().mapToLong(Update::staleness).max().orElseThrow();
        assertTrue(maxStale > 5, "geometric times spread the staleness beyond M − 1, max " + maxStale);
    }

    private static List<Update> take(PushSchedule s, int n) {
        List<Update> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(s.next());
        }
        return out;
    }
}
