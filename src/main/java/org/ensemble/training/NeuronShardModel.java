package org.ensemble.training;

import org.ensemble.step.Partial;
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
}
