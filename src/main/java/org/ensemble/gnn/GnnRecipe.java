package org.ensemble.gnn;

import org.ensemble.graph.Graph;
import org.ensemble.step.Granularity;
import org.ensemble.step.ModelRecipe;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardRange;
import org.ensemble.step.WireMessage;

/**
 * How a shard builds its nodes, as plain data: the graph (CSR arrays), the layer stack (weights) and
 * the block size. A shard owns the nodes of its range; the order's field carries the previous
 * layer's embeddings, which hold its halo (the rows of its nodes' senders).
 */
public record GnnRecipe(Graph graph, LayerStack stack, int blockSize) implements ModelRecipe, WireMessage {
    public GnnRecipe {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be ≥ 1, got " + blockSize);
        }
    }

    @Override
    public ShardModel build(ShardRange range) {
        return new GnnShardModel(this, (int) range.firstId(), range.size(), range.granularity() == Granularity.MEMBER);
    }
}
