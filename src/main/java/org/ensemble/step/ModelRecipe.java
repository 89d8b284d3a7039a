package org.ensemble.step;

/**
 * How a shard builds its model from its range: everything else (the resolved scenario, the seed,
 * the backend) is the recipe's own data. The shard actor calls it in its set-up, so no live
 * numerics object is ever handed between actors.
 */
public interface ModelRecipe {
    ShardModel build(ShardRange range);
}
