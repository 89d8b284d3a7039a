package org.ensemble.langevin;

import org.ensemble.dynamics.LangevinType;
import org.ensemble.kernel.Backend;
import org.ensemble.kernel.BackendUnavailableException;
import org.ensemble.kernel.TiledLangevinStepper;
import org.ensemble.population.ParticleSlab;
import org.ensemble.population.Populations;
import org.ensemble.step.Granularity;
import org.ensemble.step.ModelRecipe;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardRange;

/**
 * Builds a shard's particles from its range: a slab initialised from (seed, particle id), so any
 * split gives the same particles, and a stepper of the run's backend (one tile per particle at
 * granularity member).
 */
public record LangevinRecipe(LangevinSpec spec) implements ModelRecipe {
    public LangevinRecipe {
        if (spec.granularity() == Granularity.MEMBER && spec.backend().backend() != Backend.JAVA) {
            throw new BackendUnavailableException("granularity particle runs on backend java only (asked for "
                    + spec.backend().backend().key() + ")");
        }
        if (spec.granularity() == Granularity.MEMBER && spec.layout().particles() > 1_000_000) {
            throw new IllegalArgumentException("granularity particle is meant for small populations (≤ 1e6), got "
                    + spec.layout().particles());
        }
    }

    @Override
    public ShardModel build(ShardRange range) {
        boolean underdamped = spec.setup().dynamics().type() == LangevinType.UNDERDAMPED;
        ParticleSlab slab = new ParticleSlab(range.firstId(), range.size(), spec.setup().dimension(), underdamped);
        Populations.initialize(slab, spec.init(), spec.setup().seed(), spec.setup().dynamics().beta());
        if (range.granularity() == Granularity.MEMBER) {
            return new OneParticleModel(slab, new TiledLangevinStepper(spec.setup(), 1), spec.setup().absorbing());
        }
        return new ParticleBlockModel(new ShardWorker(slab, spec.backend().create(spec.setup()), spec.layout(),
                range.firstBlock(), range.blockCount(), spec.observation()));
    }
}
