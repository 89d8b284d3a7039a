package org.ensemble.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;

class GraphGeneratorsTest {
    @Test
    void erdosRenyiIsSeededAndHasBinomialEdgeCount() {
        int n = 2000;
        double p = 0.01;
        Graph g = GraphGenerators.erdosRenyi(n, p, 7);
        assertEquals(g, GraphGenerators.erdosRenyi(n, p, 7));
        assertNotEquals(g, GraphGenerators.erdosRenyi(n, p, 8));
        assertTrue(g.isSymmetric());
        // undirected edges ~ Binomial(n(n−1)/2, p): mean 19990, sd 140.7; 4 sd is a 6e-5 false alarm
        double pairs = n * (n - 1) / 2.0;
        double mean = pairs * p;
        double sd = Math.sqrt(pairs * p * (1 - p));
        assertEquals(mean, g.edges() / 2.0, 4 * sd);
        assertEquals(0, GraphGenerators.erdosRenyi(50, 0, 1).edges());
        assertEquals(Graph.complete(6), GraphGenerators.erdosRenyi(6, 1, 1));
    }

    @Test
    void barabasiAlbertHasExactEdgeCountMinimumDegreeAndIsConnected() {
        int n = 3000;
        int m = 3;
        Graph g = GraphGenerators.barabasiAlbert(n, m, 11);
        assertEquals(g, GraphGenerators.barabasiAlbert(n, m, 11));
        assertEquals(2L * (m * (m + 1) / 2 + (long) (n - m - 1) * m), g.edges());
        int max = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(g.inDegree(i) >= m, "node " + i + " has degree " + g.inDegree(i));
            max = Math.max(max, g.inDegree(i));
        }
        // preferential attachment: hubs of degree ~ m·sqrt(n) ≈ 160, far above the mean 6
        assertTrue(max > 60, "largest degree " + max);
        SimpleGraph<Integer, DefaultEdge> j = JGraphTGraphs.toJGraphT(g);
        assertTrue(new ConnectivityInspector<>(j).isConnected());
        assertEquals(g, JGraphTGraphs.fromJGraphT(j));
    }

    @Test
    void wattsStrogatzIsTheLatticeAtZeroAndRewiresAFractionBeta() {
        int n = 1000;
        int k = 6;
        Graph lattice = GraphGenerators.wattsStrogatz(n, k, 0, 3);
        for (int i = 0; i < n; i++) {
            assertEquals(k, lattice.inDegree(i));
        }
        double beta = 0.2;
        Graph g = GraphGenerators.wattsStrogatz(n, k, beta, 3);
        assertEquals(g, GraphGenerators.wattsStrogatz(n, k, beta, 3));
        assertEquals(lattice.edges(), g.edges());
        assertTrue(g.isSymmetric());
        // edges not in the lattice ≈ β·nk/2 (a rewired edge rarely lands on a lattice pair): 600 ± 4·sd
        int kept = 0;
        for (int i = 0; i < n; i++) {
            for (int e = g.offsets()[i]; e < g.offsets()[i + 1]; e++) {
                int j = g.senders()[e];
                int dist = Math.min(Math.abs(i - j), n - Math.abs(i - j));
                if (dist <= k / 2) {
                    kept++;
                }
            }
        }
        double rewired = (g.edges() - kept) / 2.0;
        double trials = n * k / 2.0;
        assertEquals(beta * trials, rewired, 4 * Math.sqrt(trials * beta * (1 - beta)) + 10);
    }

    @Test
    void randomRegularHasEveryDegreeD() {
        Graph g = GraphGenerators.randomRegular(1000, 10, 5);
        assertEquals(g, GraphGenerators.randomRegular(1000, 10, 5));
        assertNotEquals(g, GraphGenerators.randomRegular(1000, 10, 6));
        for (int i = 0; i < g.nodes(); i++) {
            assertEquals(10, g.inDegree(i));
        }
        assertTrue(g.isSymmetric());
        Graph small = GraphGenerators.randomRegular(8, 3, 1);
        for (int i = 0; i < 8; i++) {
            assertEquals(3, small.inDegree(i));
        }
        assertThrows(IllegalArgumentException.class, () -> GraphGenerators.randomRegular(7, 3, 1));
    }
}
