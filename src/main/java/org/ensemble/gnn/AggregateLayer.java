package org.ensemble.gnn;

import org.ensemble.graph.Graph;

/**
 * h_i' = σ(Wᵀ agg_{j ∈ N(i) [∪ {i}]} h_j + b): aggregate first (sum, mean, max, min over the
 * multiset of neighbours, with the node itself when {@code selfLoop}), then one dense map. With
 * mean and a self-loop the aggregation is row i of D̃⁻¹Ã h (the random-walk operator of Xu et al.
 * 2018).
 */
public record AggregateLayer(Aggregation aggregation, boolean selfLoop, Dense dense) implements GnnLayer {
    @Override
    public int inWidth() {
        return dense.in();
    }

    @Override
    public int outWidth() {
        return dense.out();
    }

    @Override
    public Activation activation() {
        return dense.activation();
    }

    @Override
    public String key() {
        return aggregation.key();
    }

    @Override
    public void apply(Graph g, double[] h, int from, int to, double[] out) {
        double[] m = new double[inWidth()];
        for (int i = from; i < to; i++) {
            NeighbourReduce.aggregate(g, h, inWidth(), i, aggregation, selfLoop, m, 0);
            dense.apply(m, 0, out, (i - from) * outWidth());
        }
    }
}
