package org.ensemble.gnn;

import org.ensemble.step.Partial;
import org.ensemble.step.ShardModel;
import org.ensemble.step.StepOrder;

/**
 * A shard of graph nodes on the step protocol. Order {@code (0, 1 step, field = the input of all
 * nodes)}, then {@code (l, 1 step, field = the halo's rows of layer l)}: compute layer l + 1 for this
 * shard's nodes from its own rows of layer l (kept from its last answer) and the halo rows. Each row
 * read is the same number as in the whole layer, so the bytes are those of {@link LayerStack#forward}.
 * A forward pass is a few layers and is not checkpointed.
 */
final class GnnShardModel implements ShardModel {
    private final GnnRecipe recipe;
    private final int first;
    private final int size;
    /** This shard's rows of the layer the next order starts from (after the first order). */
    private double[] own;

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
        double[] h = order.fromStep() == 0 ? order.field() : layerFromHalo(order.field(), layer.inWidth());
        double[] rows = new double[size * layer.outWidth()];
        layer.apply(recipe.graph(), h, first, first + size, rows);
        own = rows;
        return new EmbeddingRows(first, size, layer.outWidth(), rows);
    }

    /**
     * The previous layer as the layers read it (row j at j·width): own rows and halo rows in place;
     * rows of other nodes are never read (a node reads itself and its senders) and stay 0.
     */
    private double[] layerFromHalo(double[] haloRows, int width) {
        int[] halo = recipe.halo();
        if (own == null || own.length != size * width || haloRows.length != halo.length * width) {
            throw new IllegalStateException("layer rows do not fit: own " + (own == null ? 0 : own.length) + ", halo "
                    + haloRows.length + ", width " + width);
        }
        double[] h = new double[recipe.graph().nodes() * width];
        System.arraycopy(own, 0, h, first * width, own.length);
        for (int k = 0; k < halo.length; k++) {
            System.arraycopy(haloRows, k * width, h, halo[k] * width, width);
        }
        return h;
    }
}
