package org.ensemble.graphdynamics;

import java.util.List;
import org.ensemble.step.Partial;
import org.ensemble.step.ShardModel;
import org.ensemble.step.StateArray;
import org.ensemble.step.StepOrder;

/**
 * A shard of nodes on the step protocol. Orders: {@code (0, 0 steps)} the initial sums and halo;
 * {@code (k, 1 step, field)} step k → k+1 with the halo (or population sums) of step k, then the new
 * sums and halo; {@code observe} adds every state.
 */
final class NodeShardModel implements ShardModel {
    private final NodeBlocks blocks;

    NodeShardModel(NodeBlocks blocks) {
        this.blocks = blocks;
    }

    @Override
    public Partial phase(StepOrder order) {
        if (order.steps() > 1) {
            throw new IllegalArgumentException("graph nodes advance one step per order, asked for " + order.steps());
        }
        if (order.steps() == 1) {
            blocks.step(order.field(), order.fromStep());
        }
        return new NodePartial(blocks.firstBlock(), blocks.sums(), blocks.halo(),
                order.observe() ? blocks.states().clone() : null);
    }

    @Override
    public List<StateArray> snapshot() {
        return List.of(StateArray.of("state", 1, blocks.states().clone()));
    }

    @Override
    public void restore(List<StateArray> rows, long step) {
        double[] from = StateArray.named(rows, "state").doubles();
        if (from == null || from.length != blocks.states().length) {
            throw new IllegalArgumentException("checkpoint array state has the wrong number of rows");
        }
        System.arraycopy(from, 0, blocks.states(), 0, from.length);
    }

    @Override
    public void close() {
        blocks.close();
    }
}
