package org.ensemble.training;

import org.ensemble.network.NeuronSlab;
import org.ensemble.step.Granularity;
import org.ensemble.step.ModelRecipe;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardRange;

/** Builds a shard's neurons from its range: initial values from (seed, neuron id), so any split gives the same network. */
public record NeuronRecipe(TrainingSpec spec) implements ModelRecipe {
    @Override
    public ShardModel build(ShardRange range) {
        NeuronSlab slab = new NeuronSlab(range.firstId(), range.size(), spec.network().inputDim())
                .initialize(spec.network(), spec.seed());
        int blockSize = range.granularity() == Granularity.MEMBER ? 1 : spec.blockSize();
        return new NeuronShardModel(new NeuronShardWorker(slab, spec, blockSize));
    }
}
