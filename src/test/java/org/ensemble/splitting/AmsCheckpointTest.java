package org.ensemble.splitting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.ResumePoint;
import org.ensemble.step.StateArray;
import org.ensemble.step.StepStatus;
import org.junit.jupiter.api.Test;

/**
 * An AMS run stopped at a checkpoint and resumed (with another shard count) gives the estimates and
 * reactive trajectories of one never stopped, bit for bit: the checkpoint holds the coordinator's
 * runs, record points and branch histories; shards hold nothing.
 */
class AmsCheckpointTest {
    @SuppressWarnings("unchecked")
    @Test
    void stopAndResumeGiveTheUninterruptedResults() {
        AmsSpec plainSpec = AmsSpecs.mullerBrown(new double[] {1, 1.5}, 21, 16, 2, 2, 1, 8);
        List<AmsRunResult> plain = AmsCore.run(plainSpec);
        List<ReactiveTrajectory> plainReactive = AmsCore.reactive(plainSpec, 2);
        long[] writtenAt = {-1};
        List<StateArray>[] reducer = new List[1];
        CheckpointSink sink = new CheckpointSink() {
            @Override
            public boolean due(long step) {
                return step >= 25 && writtenAt[0] < 0;
            }

            @Override
            public void write(long step, List<StateArray> r, List<List<StateArray>> shards) {
                writtenAt[0] = step;
                reducer[0] = r;
            }
        };
        AmsPopulation.Outcome first = AmsPopulation.run(AmsSpecs.mullerBrown(new double[] {1, 1.5}, 21, 16, 2, 2, 2, 8),
                m -> { }, () -> writtenAt[0] >= 0, 2, sink, null);
        assertEquals(StepStatus.INTERRUPTED, first.engine().status(), first.engine().message());
        assertTrue(writtenAt[0] >= 25, "written at " + writtenAt[0]);
        AmsPopulation.Outcome resumed = AmsPopulation.run(AmsSpecs.mullerBrown(new double[] {1, 1.5}, 21, 16, 2, 2, 3,
                5), m -> { }, () -> false, 2, CheckpointSink.NONE, new ResumePoint(writtenAt[0], reducer[0], List.of()));
        assertTrue(resumed.completed(), resumed.engine().message());
        assertEquals(plain, resumed.runs());
        assertEquals(plainReactive.size(), resumed.reactive().size());
        for (int i = 0; i < plainReactive.size(); i++) {
            assertArrayEquals(plainReactive.get(i).states(), resumed.reactive().get(i).states());
        }
    }
}
