package org.ensemble.coordinates;

import java.util.List;
import org.ensemble.step.Partial;
import org.ensemble.step.ShardModel;
import org.ensemble.step.StateArray;
import org.ensemble.step.StepOrder;

/**
 * A shard of coordinates on the step protocol. Orders: {@code (0, 0 steps)} the outputs of the
 * initial weights; {@code (k, 1 step, field)} step k → k+1 with the field, then the outputs of the
 * new weights. {@code observe} adds the weights to the partial.
 */
final class CoordinateShardModel implements ShardModel {
    private final CoordinateBlocks blocks;

    CoordinateShardModel(CoordinateBlocks blocks) {
        this.blocks = blocks;
    }

    @Override
    public Partial phase(StepOrder order) {
        if (order.steps() > 1) {
            throw new IllegalArgumentException("coordinates advance one step per order, asked for " + order.steps());
        }
        if (order.steps() == 1) {
            blocks.step(order.field());
        }
        return new CoordinatePartial(blocks.blocks(), blocks.outputs(), order.observe() ? blocks.weights() : null);
    }

    /** {@code a} and {@code b} (one row per coordinate): the whole state. */
    @Override
    public List<StateArray> snapshot() {
        return List.of(StateArray.of("a", 1, blocks.a().clone()), StateArray.of("b", 1, blocks.b().clone()));
    }

    @Override
    public void restore(List<StateArray> rows, long step) {
        copy(StateArray.named(rows, "a"), blocks.a());
        copy(StateArray.named(rows, "b"), blocks.b());
    }

    private static void copy(StateArray from, double[] to) {
        if (from.doubles() == null || from.doubles().length != to.length) {
            throw new IllegalArgumentException("checkpoint array " + from.name() + " has " + from.rows()
                    + " rows, expected " + to.length);
        }
        System.arraycopy(from.doubles(), 0, to, 0, to.length);
    }
}
