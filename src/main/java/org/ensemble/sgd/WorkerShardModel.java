package org.ensemble.sgd;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.step.Partial;
import org.ensemble.step.ShardModel;
import org.ensemble.step.StateArray;
import org.ensemble.step.StepOrder;

/**
 * A shard of workers on the step protocol: each order is a round ({@link RoundOrder} as its field);
 * the shard computes the jobs of its own workers on the parameters they pulled, in round order.
 * Workers hold no numerics state (a gradient is a pure function of seed, worker, index and the
 * pulled parameters); what they carry is how many gradients each has computed, checkpointed as
 * their rows.
 */
final class WorkerShardModel implements ShardModel {
    private final int first;
    private final long[] computed;
    private final WorkerGradients gradients;

    WorkerShardModel(int first, int size, WorkerGradients gradients) {
        this.first = first;
        this.computed = new long[size];
        this.gradients = gradients;
    }

    @Override
    public Partial phase(StepOrder order) {
        RoundOrder round = RoundOrder.decode(order.field());
        List<GradientSums.Computed> out = new ArrayList<>();
        for (int i = 0; i < round.jobs().size(); i++) {
            GradientJob j = round.jobs().get(i);
            if (j.worker() >= first && j.worker() < first + computed.length) {
                out.add(new GradientSums.Computed(i, gradients.sum(j, round.parameters().get(j.pulled()))));
                computed[j.worker() - first]++;
            }
        }
        return new GradientSums(out);
    }

    /** {@code gradients_computed}, and for EASGD {@code worker_parameters} (one row of d per worker). */
    @Override
    public List<StateArray> snapshot() {
        List<StateArray> out = new ArrayList<>();
        out.add(StateArray.of("gradients_computed", 1, computed.clone()));
        if (gradients.stateful()) {
            int d = gradients.parameters(first).length;
            double[] rows = new double[computed.length * d];
            for (int i = 0; i < computed.length; i++) {
                System.arraycopy(gradients.parameters(first + i), 0, rows, i * d, d);
            }
            out.add(StateArray.of("worker_parameters", d, rows));
        }
        return out;
    }

    @Override
    public void restore(List<StateArray> rows, long step) {
        long[] c = StateArray.named(rows, "gradients_computed").longs();
        if (c.length != computed.length) {
            throw new IllegalArgumentException("checkpoint has " + c.length + " worker rows for a shard of "
                    + computed.length);
        }
        System.arraycopy(c, 0, computed, 0, c.length);
        if (gradients.stateful()) {
            StateArray p = StateArray.named(rows, "worker_parameters");
            for (int i = 0; i < computed.length; i++) {
                gradients.restore(first + i, java.util.Arrays.copyOfRange(p.doubles(), i * p.columns(),
                        (i + 1) * p.columns()));
            }
        }
    }
}
