package org.ensemble.gnn;

import java.util.List;
import org.ensemble.graph.Graph;

/**
 * Graph isomorphism network layer (Xu et al. 2019): h_i' = MLP((1 + ε) h_i + Σ_{j ∈ N(i)} h_j). The
 * sum (exact) and an MLP make it as discriminative as 1-WL colour refinement on countable features.
 */
public record GinLayer(double epsilon, List<Dense> mlp) implements GnnLayer {
    public GinLayer {
        if (mlp.isEmpty()) {
            throw new IllegalArgumentException("a GIN layer needs at least one dense map");
        }
        for (int l = 1; l < mlp.size(); l++) {
            if (mlp.get(l).in() != mlp.get(l - 1).out()) {
                throw new IllegalArgumentException("GIN MLP widths do not chain at map " + l);
            }
        }
        mlp = List.copyOf(mlp);
    }

    @Override
    public int inWidth() {
        return mlp.get(0).in();
    }

    @Override
    public int outWidth() {
        return mlp.get(mlp.size() - 1).out();
    }

    @Override
    public Activation activation() {
        return mlp.get(mlp.size() - 1).activation();
    }

    @Override
    public String key() {
        return "gin";
    }

    @Override
    public void apply(Graph g, double[] h, int from, int to, double[] out) {
        int d = inWidth();
        double[] m = new double[d];
        double[] self = new double[d];
        for (int i = from; i < to; i++) {
            NeighbourReduce.aggregate(g, h, d, i, Aggregation.SUM, false, m, 0);
            for (int f = 0; f < d; f++) {
                self[f] = (1 + epsilon) * h[i * d + f] + m[f]; // one rounding: the exact two-term sum
            }
            double[] x = self;
            for (int l = 0; l < mlp.size(); l++) {
                Dense layer = mlp.get(l);
                double[] y = new double[layer.out()];
                layer.apply(x, 0, y, 0);
                x = y;
            }
            System.arraycopy(x, 0, out, (i - from) * outWidth(), outWidth());
        }
    }
}
