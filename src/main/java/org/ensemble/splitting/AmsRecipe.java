package org.ensemble.splitting;

import org.ensemble.step.ModelRecipe;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardRange;

/** Builds a shard's replicas from its range (the spec is the whole recipe; shards keep no state of their own). */
record AmsRecipe(AmsSpec spec) implements ModelRecipe {
    @Override
    public ShardModel build(ShardRange range) {
        return new AmsShardModel(spec, range);
    }
}
