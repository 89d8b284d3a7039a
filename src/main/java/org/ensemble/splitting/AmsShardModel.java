package org.ensemble.splitting;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.step.Partial;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepOrder;

/**
 * The replicas one shard owns: the first order (no field) runs every one of them from the start;
 * later orders carry restarts ({@link ReplicaStart}s in the field) and the shard runs those of its
 * members. Keeps no state between orders: the coordinator holds the trajectories' record points.
 */
final class AmsShardModel implements ShardModel {
    private final AmsSpec spec;
    private final ShardRange range;
    private final ReplicaSimulator simulator;

    AmsShardModel(AmsSpec spec, ShardRange range) {
        this.spec = spec;
        this.range = range;
        this.simulator = new ReplicaSimulator(spec);
    }

    @Override
    public Partial phase(StepOrder order) {
        List<ReplicaPath> out = new ArrayList<>();
        int n = spec.replicas();
        if (order.field() == null) {
            for (long m = range.firstId(); m < range.firstId() + range.size(); m++) {
                int run = (int) (m / n);
                out.add(simulator.simulate(m, AmsSpec.lineage(run, m % n), spec.betaOfRun(run), 0,
                        spec.startOf(run, m % n)));
            }
        } else {
            for (ReplicaStart s : ReplicaStart.decode(order.field(), spec.dimension())) {
                if (s.member() >= range.firstId() && s.member() < range.firstId() + range.size()) {
                    int run = (int) (s.member() / n);
                    out.add(simulator.simulate(s.member(), s.lineage(), spec.betaOfRun(run), s.step(), s.x()));
                }
            }
        }
        return new ReplicaPaths(out);
    }

    /** Nothing: the replicas live on the coordinator between orders (see {@link AmsCheckpoint}). */
    @Override
    public List<org.ensemble.step.StateArray> snapshot() {
        return List.of();
    }

    @Override
    public void restore(List<org.ensemble.step.StateArray> rows, long step) {
    }
}
