package org.ensemble.langevin;

import org.ensemble.step.Partial;
import org.ensemble.step.ShardModel;
import org.ensemble.step.StepOrder;

/**
 * A shard of whole blocks of particles: advances them (many sub-steps per order for independent
 * particles) and answers with per-block statistics, full at reports, moments in between.
 */
final class ParticleBlockModel implements ShardModel {
    private final ShardWorker worker;

    ParticleBlockModel(ShardWorker worker) {
        this.worker = worker;
    }

    @Override
    public Partial phase(StepOrder order) {
        long t0 = System.nanoTime();
        worker.advance(order.fromStep(), order.steps(), order.field());
        long t1 = System.nanoTime();
        StatisticsLevel level = order.observe() ? StatisticsLevel.FULL : StatisticsLevel.MOMENTS;
        var stats = worker.statistics(level, order.fromStep(), order.toStep());
        return new ParticleBlocks(stats, worker.activeCount(), t1 - t0, System.nanoTime() - t1);
    }

    @Override
    public java.util.List<org.ensemble.step.StateArray> snapshot() {
        return ParticleRows.of(worker.slab());
    }

    @Override
    public void restore(java.util.List<org.ensemble.step.StateArray> rows, long step) {
        ParticleRows.restore(worker.slab(), rows, worker.absorbing());
    }

    @Override
    public void close() {
        worker.close();
    }
}
