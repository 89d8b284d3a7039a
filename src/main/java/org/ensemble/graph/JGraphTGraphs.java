package org.ensemble.graph;

import java.util.ArrayList;
import java.util.List;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * Conversions between the CSR {@link Graph} and JGraphT's object graphs (vertices 0 … n−1), so
 * JGraphT's algorithms and generators can be used on small and medium graphs: one conversion each
 * way, never inside a step.
 */
public final class JGraphTGraphs {
    private JGraphTGraphs() {
    }

    /** A symmetric graph as a JGraphT simple undirected graph on vertices 0 … n−1. */
    public static SimpleGraph<Integer, DefaultEdge> toJGraphT(Graph g) {
        if (!g.isSymmetric()) {
            throw new IllegalArgumentException("only symmetric graphs convert to an undirected JGraphT graph");
        }
        SimpleGraph<Integer, DefaultEdge> out = new SimpleGraph<>(DefaultEdge.class);
        for (int i = 0; i < g.nodes(); i++) {
            out.addVertex(i);
        }
        for (int i = 0; i < g.nodes(); i++) {
            for (int k = g.offsets()[i]; k < g.offsets()[i + 1]; k++) {
                int j = g.senders()[k];
                if (j < i) {
                    out.addEdge(j, i);
                }
            }
        }
        return out;
    }

    /** An undirected JGraphT graph whose vertices are 0 … n−1 as a CSR graph (each edge both ways). */
    public static <E> Graph fromJGraphT(org.jgrapht.Graph<Integer, E> g) {
        int n = g.vertexSet().size();
        for (Integer v : g.vertexSet()) {
            if (v == null || v < 0 || v >= n) {
                throw new IllegalArgumentException("JGraphT vertices must be 0 … " + (n - 1) + ", found " + v);
            }
        }
        List<int[]> edges = new ArrayList<>();
        for (E e : g.edgeSet()) {
            edges.add(new int[] {g.getEdgeSource(e), g.getEdgeTarget(e)});
        }
        int[] a = new int[edges.size()];
        int[] b = new int[edges.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = edges.get(i)[0];
            b[i] = edges.get(i)[1];
        }
        return Graph.fromEdges(n, a, b, null, true);
    }
}
