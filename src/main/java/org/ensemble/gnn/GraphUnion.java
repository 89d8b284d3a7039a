package org.ensemble.gnn;

import java.util.List;
import org.ensemble.graph.Graph;

/**
 * The disjoint union of graphs, part p's nodes at {@code first[p] … first[p+1]}: one forward pass of a
 * GNN over the union is the forward pass over every part (no edge joins them), which is how a batch
 * of small graphs runs as one population.
 */
public record GraphUnion(Graph graph, int[] first) {
    public static GraphUnion of(List<Graph> parts) {
        int[] first = new int[parts.size() + 1];
        long edges = 0;
        for (int p = 0; p < parts.size(); p++) {
            first[p + 1] = Math.addExact(first[p], parts.get(p).nodes());
            edges += parts.get(p).edges();
        }
        int n = first[parts.size()];
        int[] offsets = new int[n + 1];
        int[] senders = new int[Math.toIntExact(edges)];
        boolean weighted = parts.stream().anyMatch(g -> g.weights() != null);
        double[] weights = weighted ? new double[senders.length] : null;
        int k = 0;
        for (int p = 0; p < parts.size(); p++) {
            Graph g = parts.get(p);
            for (int i = 0; i < g.nodes(); i++) {
                for (int e = g.offsets()[i]; e < g.offsets()[i + 1]; e++) {
                    senders[k] = g.senders()[e] + first[p];
                    if (weighted) {
                        weights[k] = g.weight(e);
                    }
                    k++;
                }
                offsets[first[p] + i + 1] = k;
            }
        }
        return new GraphUnion(new Graph(n, offsets, senders, weights), first);
    }

    public int parts() {
        return first.length - 1;
    }
}
