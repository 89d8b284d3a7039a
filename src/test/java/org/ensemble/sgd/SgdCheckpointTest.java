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
        SgdScenario s = SgdScenarioLoader.loadString(SgdActorRunTest.ASYNC, "test.conf", List.of("shards=2"));
        List<SgdReport> plain = new ArrayList<>();
        SgdSimulation.run(s.settings(), s.model(), plain::add);

        long[] writtenAt = {-1};
        List<StateArray>[] reducer = new List[1];
        List<List<StateArray>>[] shards = new List[1];
        CheckpointSink sink = new CheckpointSink() {
            @Override
            public boolean due(long step) {
                return step >= 1100 && writtenAt[0] < 0;
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
        long[] computed = shards[0].stream().flatMap(List::stream).flatMapToLong(a -> java.util.Arrays.stream(
                a.longs())).toArray();
        members.add(StateArray.of("gradients_computed", 1, computed));
        SgdScenario other = SgdScenarioLoader.loadString(SgdActorRunTest.ASYNC, "test.conf",
                List.of("granularity=worker"));
        List<SgdReport> resumed = new ArrayList<>(first.stream().filter(r -> r.version() <= at).toList());
        StepOutcome o2 = SgdPopulation.run(other, resumed::add, () -> false, CheckpointSink.NONE,
                new ResumePoint(at, reducer[0], members));
        assertEquals(StepStatus.COMPLETED, o2.status(), o2.message());
        assertEquals(SgdActorRunTest.render(plain), SgdActorRunTest.render(resumed), "checkpoint at version " + at);
    }
}
