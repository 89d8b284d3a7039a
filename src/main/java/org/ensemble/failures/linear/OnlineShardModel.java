package org.ensemble.failures.linear;

import org.ensemble.step.Partial;
import org.ensemble.step.ShardModel;
import org.ensemble.step.StepOrder;

/**
 * A shard of an online model on the step protocol. The field is {@link OnlineField}: order
 * {@code (0, 0 steps)} answers the first example's per-block predictions; {@code (k, 1 step)}
 * updates on example k's instance and answers for example k+1's. {@code observe} adds the
 * per-block weight contributions.
 */
final class OnlineShardModel implements ShardModel {
    private final OnlineUnits units;

    OnlineShardModel(OnlineUnits units) {
        this.units = units;
    }

    @Override
    public Partial phase(StepOrder order) {
        if (order.steps() > 1) {
            throw new IllegalArgumentException("online models take one example per order, asked for " + order.steps());
        }
        OnlineField f = OnlineField.of(order.field());
        if (order.steps() == 1) {
            units.step(f.example(), f.coefficient(), f.divide());
        }
        double[] p = f.next() >= 0 ? units.predictions(f.next()) : new double[units.blocks()];
        return new OnlinePartial(p, units.masses(), order.observe() ? units.contributions() : null);
    }
}
