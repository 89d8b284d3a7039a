package org.ensemble.langevin;

import org.ensemble.kernel.SlabStepper;
import org.ensemble.population.ParticleSlab;
import org.ensemble.step.Partial;
import org.ensemble.step.ShardModel;
import org.ensemble.step.StepOrder;

/**
 * One particle as one shard (granularity member): the same stepper code as a block, answering with
 * its state; the reducer assembles blocks from these, so results do not depend on granularity.
 */
final class OneParticleModel implements ShardModel {
    private final ParticleSlab self;
    private final SlabStepper stepper;
    private final boolean absorbing;

    OneParticleModel(ParticleSlab self, SlabStepper stepper, boolean absorbing) {
        if (self.size() != 1) {
            throw new IllegalArgumentException("a particle model owns one particle");
        }
        this.self = self;
        this.stepper = stepper;
        this.absorbing = absorbing;
    }

    @Override
    public Partial phase(StepOrder order) {
        if (order.steps() > 0) {
            stepper.advance(self, order.fromStep(), order.steps(), order.field());
            if (absorbing) {
                self.retireAbsorbed();
            }
        }
        return new ParticleState(self.firstId(), self.positions().clone(),
                self.hasVelocities() ? self.velocities().clone() : null, self.hitSteps()[0], self.hitTargets()[0]);
    }

    @Override
    public java.util.List<org.ensemble.step.StateArray> snapshot() {
        return ParticleRows.of(self);
    }

    @Override
    public void restore(java.util.List<org.ensemble.step.StateArray> rows, long step) {
        ParticleRows.restore(self, rows, absorbing);
    }

    @Override
    public void close() {
        stepper.close();
    }
}
