package org.ensemble.gnn;

import java.util.List;
import org.ensemble.graph.Halo;

import org.ensemble.graph.Graph;
import org.ensemble.step.Granularity;
import org.ensemble.step.ModelRecipe;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardRange;
import org.ensemble.step.WireMessage;

/**
 * How a shard builds its nodes, as plain data: the graph (CSR arrays), the layer stack (weights),
 * the block size and the halo of the shard plan ({@link Halo}: the nodes, in id order, that send to
 * a node on another shard; null until {@link #forPlan} is called). A shard owns the nodes of its
 * range and keeps its own rows of the previous layer; after the input, an order's field carries
 * only the halo's rows of the previous layer — the boundary — not the whole layer.
 */
public record GnnRecipe(Graph graph, LayerStack stack, int blockSize, int[] halo) implements ModelRecipe, WireMessage {
    public GnnRecipe {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be ≥ 1, got " + blockSize);
        }
    }

    /** A recipe without a shard plan yet (see {@link #forPlan}). */
    public GnnRecipe(Graph graph, LayerStack stack, int blockSize) {
        this(graph, stack, blockSize, null);
    }

    /** This recipe with the halo of the given shard plan. */
    public GnnRecipe forPlan(List<ShardRange> ranges) {
        long[] starts = new long[ranges.size()];
        for (int s = 0; s < starts.length; s++) {
            starts[s] = ranges.get(s).firstId();
        }
        return new GnnRecipe(graph, stack, blockSize, Halo.of(graph, starts));
    }

    @Override
    public ShardModel build(ShardRange range) {
        if (halo == null) {
            throw new IllegalStateException("the recipe has no shard plan: call forPlan(ranges) first");
        }
        return new GnnShardModel(this, (int) range.firstId(), range.size(), range.granularity() == Granularity.MEMBER);
    }
}
