package org.ensemble.sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.scenario.SgdScenario;
import org.ensemble.scenario.SgdScenarioLoader;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.ResumePoint;
import org.ensemble.step.StateArray;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;
import org.junit.jupiter.api.Test;

/** A run stopped at a checkpoint and resumed (with another shard plan) reports the same bits as one never stopped. */
class SgdCheckpointTest {
    @Test
    void stopAndResumeGiveTheUninterruptedReports() {
        check(SgdActorRunTest.ASYNC, 1100);
        check(SgdActorRunTest.EASGD, 300); // workers' own parameters travel as member rows
    }

    @SuppressWarnings("unchecked")
    private static void check(String text, long from) {
        SgdScenario s = SgdScenarioLoader.loadString(text, "test.conf", List.of("shards=2"));
        List<SgdReport> plain = new ArrayList<>();
        SgdSimulation.run(s.settings(), s.model(), plain::add);

        long[] writtenAt = {-1};
        List<StateArray>[] reducer = new List[1];
        List<List<StateArray>>[] shards = new List[1];
        CheckpointSink sink = new CheckpointSink() {
            @Override
            public boolean due(long step) {
                return step >= from && writtenAt[0] < 0;
            }

            @Override
            public void write(long step, List<StateArray> r, List<List<StateArray>> sh) {
                writtenAt[0] = step;
                reducer[0] = r;
                shards[0] = sh;
            }
        };
        List<SgdReport> first = new ArrayList<>();
        StepOutcome o = SgdPopulation.run(s, first::add, () -> writtenAt[0] >= 0, sink, null);
        assertEquals(StepStatus.INTERRUPTED, o.status(), o.message());
        long at = writtenAt[0];
        List<StateArray> members = new ArrayList<>();
        for (StateArray kind : shards[0].get(0)) { // stack each array's rows in shard order (= worker order)
            List<StateArray> parts = shards[0].stream().map(rows -> StateArray.named(rows, kind.name())).toList();
            if (kind.longs() != null) {
                members.add(StateArray.of(kind.name(), kind.columns(), parts.stream().flatMapToLong(a ->
                        java.util.Arrays.stream(a.longs())).toArray()));
            } else {
                members.add(StateArray.of(kind.name(), kind.columns(), parts.stream().flatMapToDouble(a ->
                        java.util.Arrays.stream(a.doubles())).toArray()));
            }
        }
        SgdScenario other = SgdScenarioLoader.loadString(text, "test.conf", List.of("granularity=worker"));
        List<SgdReport> resumed = new ArrayList<>(first.stream().filter(r -> r.version() <= at).toList());
        StepOutcome o2 = SgdPopulation.run(other, resumed::add, () -> false, CheckpointSink.NONE,
                new ResumePoint(at, reducer[0], members));
        assertEquals(StepStatus.COMPLETED, o2.status(), o2.message());
        assertEquals(SgdActorRunTest.render(plain), SgdActorRunTest.render(resumed), "checkpoint at version " + at);
    }
}
