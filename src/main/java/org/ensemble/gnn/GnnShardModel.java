package org.ensemble.gnn;

import org.ensemble.step.Partial;
import org.ensemble.step.ShardModel;
import org.ensemble.step.StepOrder;

/**
 * A shard of graph nodes on the step protocol. Order {@code (l, 1 step, field = layer l's
 * embeddings of all nodes)}: compute layer l + 1 for this shard's nodes. The model keeps no state
 * between orders (the layer index and the embeddings come with the order), so it has nothing to
 * checkpoint.
 */
final class GnnShardModel implements ShardModel {
    private final GnnRecipe recipe;
    private final int first;
    private final int size;

    GnnShardModel(GnnRecipe recipe, int first, int size, boolean oneNode) {
        if (oneNode && size != 1) {
            throw new IllegalArgumentException("granularity node owns one node, got " + size);
        }
        this.recipe = recipe;
        this.first = first;
        this.size = size;
    }

    @Override
    public Partial phase(StepOrder order) {
        if (order.steps() != 1) {
            throw new IllegalArgumentException("a GNN shard computes one layer per order, asked for " + order.steps());
        }
        GnnLayer layer = recipe.stack().layers().get((int) order.fromStep());
        double[] rows = new double[size * layer.outWidth()];
        layer.apply(recipe.graph(), order.field(), first, first + size, rows);
        return new EmbeddingRows(first, size, layer.outWidth(), rows);
    }
}
