package org.ensemble.gnn;

import org.ensemble.graph.Graph;

/**
 * Kipf–Welling graph convolution: h_i' = σ(Wᵀ Σ_{j ∈ N(i) ∪ {i}} h_j / √(d̃_i d̃_j) + b), Ã = A + I,
 * d̃ = 1 + degree (weighted degree on a weighted graph).
 */
public record GcnLayer(Dense dense) implements GnnLayer {
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
        return "gcn";
    }

    @Override
    public void apply(Graph g, double[] h, int from, int to, double[] out) {
        double[] degrees = new double[g.nodes()];
        for (int j = 0; j < g.nodes(); j++) {
            degrees[j] = 1 + NeighbourReduce.degree(g, j);
        }
        double[] m = new double[inWidth()];
        for (int i = from; i < to; i++) {
            NeighbourReduce.symmetricNormalised(g, h, inWidth(), i, degrees, m, 0);
            dense.apply(m, 0, out, (i - from) * outWidth());
        }
    }
}
