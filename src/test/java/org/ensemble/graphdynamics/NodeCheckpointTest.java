package org.ensemble.graphdynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.graph.Graph;
import org.ensemble.graph.GraphGenerators;
import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.Engine;
import org.ensemble.step.Granularity;
import org.ensemble.step.ResumePoint;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StateArray;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;
import org.junit.jupiter.api.Test;

/** A graph-dynamics run checkpointed at a barrier and resumed gives the bytes of the run that never stopped. */
class NodeCheckpointTest {
    private static final int N = 120;
    private static final int BLOCK = 8;
    private static final long STEPS = 60;
    private static final long AT = 25;

    /** Keeps the checkpoint written after step {@link #AT}. */
    private static final class Keep implements CheckpointSink {
        List<StateArray> reducer;
        List<List<StateArray>> shards;

        @Override
        public boolean due(long step) {
            return step == AT;
        }

        @Override
        public void write(long step, List<StateArray> r, List<List<StateArray>> s) {
            reducer = r;
            shards = s;
        }

        ResumePoint point() {
            List<Double> all = new ArrayList<>();
            for (List<StateArray> shard : shards) {
                for (double v : StateArray.named(shard, "state").doubles()) {
                    all.add(v);
                }
            }
            return new ResumePoint(AT, reducer, List.of(StateArray.of("state", 1,
                    all.stream().mapToDouble(Double::doubleValue).toArray())));
        }
    }

    private static NodeDynamics[] dynamics() {
        return new NodeDynamics[] {
            new NodeDynamics(NodeRule.KURAMOTO, 2, Normalisation.MEAN_DEGREE, 0.5, 0.02, 0.3, 0.2, 0, true, 5),
            new NodeDynamics(NodeRule.LANGEVIN, 1.5, Normalisation.DEGREE, 0.5, 0.01, 0, 0, 0.3, false, 6,
                    new PotentialNodeUpdate(new DoubleWellPotential(0)), 1)};
    }

    private static StepOutcome run(Graph g, NodeDynamics d, int shards, Granularity gran, NodeTrace t,
                                   CheckpointSink sink,
                                   ResumePoint from) {
        List<ShardRange> ranges = NodePopulation.ranges(N, BLOCK, shards, gran);
        NodeRecipe recipe = NodeRecipe.of(g, N, d, BLOCK, ranges);
        return Engine.run(recipe, ranges, new NodeReducer(recipe, STEPS, 5, t), 2, Engine.Dispatch.SPINNING,
                () -> false, sink, from);
    }

    @Test
    void resumingGivesTheUninterruptedBytes() {
        Graph g = GraphGenerators.erdosRenyi(N, 0.05, 3);
        for (NodeDynamics d : dynamics()) {
            NodeTrace straight = new NodeTrace(STEPS);
            Keep keep = new Keep();
            assertEquals(StepStatus.COMPLETED, run(g, d, 3, Granularity.BLOCK, straight, keep, null).status());
            assertTrue(keep.reducer != null, "no checkpoint was written");
            // the same plan, and one shard (its empty halo is within the old one)
            for (int shards : new int[] {3, 1}) {
                NodeTrace resumed = new NodeTrace(STEPS);
                StepOutcome o = run(g, d, shards, Granularity.BLOCK, resumed, CheckpointSink.NONE, keep.point());
                assertEquals(StepStatus.COMPLETED, o.status(), o.message());
                List<double[]> tail = straight.rows.stream().filter(r -> r.length == 5 && r[0] > AT
                        || r.length == N).toList();
                assertEquals(tail.size(), resumed.rows.size(), d.rule() + ", " + shards + " shards");
                for (int i = 0; i < tail.size(); i++) {
                    assertArrayEquals(tail.get(i), resumed.rows.get(i), 0.0, d.rule() + " row " + i);
                }
            }
            // one actor per node exchanges nodes the 3-shard plan did not: refused with a message
            StepOutcome refused = run(g, d, 1, Granularity.MEMBER, new NodeTrace(STEPS), CheckpointSink.NONE, keep.point());
            assertEquals(StepStatus.FAILED, refused.status());
            assertTrue(refused.message().contains("resume with the shard count"), refused.message());
        }
    }
}
