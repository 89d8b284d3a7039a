package org.ensemble.training;

import java.util.List;
import org.ensemble.step.Partial;
import org.ensemble.step.StateArray;
import org.ensemble.step.ShardModel;
import org.ensemble.step.StepOrder;

/**
 * A shard of neurons on the step protocol. Orders: {@code (0, 0 steps)} the forward pass of step 0's
 * batch; {@code (k, 1 step, coefficients)} the update of step k fused with the forward pass of step
 * k+1; {@code (k, 0 steps, observe)} the held-out sums and the neurons' parameters.
 */
final class NeuronShardModel implements ShardModel {
    private final NeuronShardWorker worker;

    NeuronShardModel(NeuronShardWorker worker) {
        this.worker = worker;
    }

    @Override
    public Partial phase(StepOrder order) {
        if (order.observe()) {
            return new NeuronEvaluation(worker.evaluateTest(), worker.slab().radii(), worker.slab().a().clone(),
                    worker.slab().b().clone());
        }
        if (order.steps() == 0) {
            return new NeuronSums(worker.start());
        }
        if (order.steps() != 1) {
            throw new IllegalArgumentException("neurons advance one step per order, asked for " + order.steps());
        }
        return new NeuronSums(worker.step(order.fromStep(), order.field()));
    }

    /** {@code w} (n × d), {@code a} and {@code b} (n × 1): the parameters are the whole state. */
    @Override
    public List<StateArray> snapshot() {
        var slab = worker.slab();
        return List.of(StateArray.of("w", slab.dimension(), slab.w().clone()), StateArray.of("a", 1, slab.a().clone()),
                StateArray.of("b", 1, slab.b().clone()));
    }

    @Override
    public void restore(List<StateArray> rows, long step) {
        var slab = worker.slab();
        copy(StateArray.named(rows, "w"), slab.w(), slab.dimension());
        copy(StateArray.named(rows, "a"), slab.a(), 1);
        copy(StateArray.named(rows, "b"), slab.b(), 1);
        worker.resumeAt(step);
    }

    private static void copy(StateArray from, double[] to, int columns) {
        if (from.columns() != columns || from.doubles() == null || from.doubles().length != to.length) {
            throw new IllegalArgumentException("checkpoint array " + from.name() + " is " + from.rows() + " × "
                    + from.columns() + ", expected " + to.length / columns + " × " + columns);
        }
        System.arraycopy(from.doubles(), 0, to, 0, to.length);
    }
}
