package org.ensemble.gnn;

import org.ensemble.graph.Graph;
import org.ensemble.sgd.ExactSum;

/**
 * The per-node segment reductions every layer is built from: node i reads the rows of its senders
 * {@code senders[offsets[i] … offsets[i+1])} (its CSR segment), each message the sender's row times
 * the edge weight, plus optionally its own row with weight 1 (a self-loop, Ã = A + I). Sums are exact
 * ({@link ExactSum}: rounded once), so the result depends on the multiset of messages only — the
 * same bits for any partition of the nodes into blocks and for any ordering of a node's senders,
 * which is what makes 1-WL-equivalent graphs give identical readouts rather than nearly identical.
 */
final class NeighbourReduce {
    private NeighbourReduce() {
    }

    /**
     * Writes agg over {w_ij h_j : j → i} (∪ {h_i} with {@code self}) of the width-wide rows of h into
     * out[outOff …]. Mean divides by the total weight (the count, unweighted): row i of D̃⁻¹Ã h. A node
     * without messages gets 0.
     */
    static void aggregate(Graph g, double[] h, int width, int i, Aggregation agg, boolean self, double[] out,
                          int outOff) {
        int k0 = g.offsets()[i];
        int k1 = g.offsets()[i + 1];
        int count = k1 - k0 + (self ? 1 : 0);
        if (count == 0) {
            java.util.Arrays.fill(out, outOff, outOff + width, 0.0);
            return;
        }
        if (agg == Aggregation.MAX || agg == Aggregation.MIN) {
            boolean max = agg == Aggregation.MAX;
            for (int f = 0; f < width; f++) {
                double best = self ? h[i * width + f] : (max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
                for (int k = k0; k < k1; k++) {
                    double v = g.weight(k) * h[g.senders()[k] * width + f];
                    best = max ? Math.max(best, v) : Math.min(best, v);
                }
                out[outOff + f] = best;
            }
            return;
        }
        double total = 1.0;
        if (agg == Aggregation.MEAN) {
            ExactSum ws = new ExactSum();
            for (int k = k0; k < k1; k++) {
                ws.add(g.weight(k));
            }
            if (self) {
                ws.add(1.0);
            }
            total = ws.value();
        }
        for (int f = 0; f < width; f++) {
            ExactSum s = new ExactSum();
            if (self) {
                s.add(h[i * width + f]);
            }
            for (int k = k0; k < k1; k++) {
                s.add(g.weight(k) * h[g.senders()[k] * width + f]);
            }
            out[outOff + f] = agg == Aggregation.MEAN ? s.value() / total : s.value();
        }
    }

    /** Σ w_ij, the weighted in-degree (the count for an unweighted graph), exact. */
    static double degree(Graph g, int i) {
        ExactSum s = new ExactSum();
        for (int k = g.offsets()[i]; k < g.offsets()[i + 1]; k++) {
            s.add(g.weight(k));
        }
        return s.value();
    }

    /**
     * Row i of D̃^{-1/2} Ã D̃^{-1/2} h (GCN's propagation, Kipf–Welling): Σ_{j∈N(i)∪{i}} ã_ij h_j / √(d̃_i d̃_j),
     * d̃ = 1 + weighted degree; {@code degrees} holds d̃ per node.
     */
    static void symmetricNormalised(Graph g, double[] h, int width, int i, double[] degrees, double[] out,
                                    int outOff) {
        int k0 = g.offsets()[i];
        int k1 = g.offsets()[i + 1];
        double selfCoeff = 1.0 / degrees[i];
        for (int f = 0; f < width; f++) {
            ExactSum s = new ExactSum();
            s.add(selfCoeff * h[i * width + f]);
            for (int k = k0; k < k1; k++) {
                int j = g.senders()[k];
                s.add(g.weight(k) / Math.sqrt(degrees[i] * degrees[j]) * h[j * width + f]);
            }
            out[outOff + f] = s.value();
        }
    }
}
