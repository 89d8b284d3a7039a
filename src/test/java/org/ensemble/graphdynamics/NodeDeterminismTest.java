package org.ensemble.graphdynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ensemble.graph.Graph;
import org.ensemble.graph.GraphGenerators;
import org.ensemble.step.Granularity;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;
import org.junit.jupiter.api.Test;

/** Same graph, dynamics and seed ⇒ identical bytes for 1, 2, 7 shards, one actor per node, and in process. */
class NodeDeterminismTest {
    private static final int BLOCK = 16;

    private static List<double[]> run(Graph g, int n, NodeDynamics d, int shards, Granularity gran, boolean engine) {
        List<ShardRange> ranges = NodePopulation.ranges(n, BLOCK, shards, gran);
        NodeRecipe recipe = NodeRecipe.of(g, n, d, BLOCK, ranges);
        NodeTrace t = new NodeTrace(7, 20);
        NodeReducer reducer = new NodeReducer(recipe, 20, 3, t);
        StepOutcome o = engine ? NodePopulation.run(recipe, ranges, reducer, () -> false)
                : NodePopulation.runInProcess(recipe, ranges, reducer, () -> false);
        assertEquals(StepStatus.COMPLETED, o.status(), o.message());
        return t.rows;
    }

    private static void assertSame(List<double[]> a, List<double[]> b, String what) {
        assertEquals(a.size(), b.size(), what);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), 0.0, what + ", row " + i);
        }
    }

    private static void check(Graph g, int n, NodeDynamics d) {
        List<double[]> one = run(g, n, d, 1, Granularity.BLOCK, false);
        assertSame(one, run(g, n, d, 2, Granularity.BLOCK, true), "2 shards");
        assertSame(one, run(g, n, d, 7, Granularity.BLOCK, true), "7 shards");
        assertSame(one, run(g, n, d, 7, Granularity.BLOCK, false), "7 shards in process");
        assertSame(one, run(g, n, d, 1, Granularity.MEMBER, true), "one actor per node");
    }

    @Test
    void kuramotoOnAnErdosRenyiGraphWithLorentzianFrequenciesAndNoise() {
        int n = 150;
        Graph g = GraphGenerators.erdosRenyi(n, 0.05, 3);
        check(g, n, new NodeDynamics(NodeRule.KURAMOTO, 2, Normalisation.MEAN_DEGREE, 0.3, 0.05, 0.5, 0.2, 0,
                true, 42));
    }

    @Test
    void kuramotoOnTheCompleteGraphThroughItsSums() {
        check(null, 120, new NodeDynamics(NodeRule.KURAMOTO, 3, Normalisation.NODES, 1, 0.01, 0, 0, 0.5, false, 7));
    }

    @Test
    void weightedConsensusOnAGrid() {
        Graph grid = Graph.grid(9, 13);
        double[] w = new double[grid.edges()];
        for (int e = 0; e < w.length; e++) {
            w[e] = 1 + (grid.senders()[e] % 3);
        }
        Graph g = new Graph(grid.nodes(), grid.offsets(), grid.senders(), w);
        check(g, g.nodes(), new NodeDynamics(NodeRule.CONSENSUS, 0.8, Normalisation.DEGREE, 0.01, 0.1, 0, 0, 0,
                true, 5));
    }

    @Test
    void langevinInADoubleWellOnAWattsStrogatzGraph() {
        Graph g = GraphGenerators.wattsStrogatz(130, 4, 0.1, 8);
        check(g, g.nodes(), new NodeDynamics(NodeRule.LANGEVIN, 1.5, Normalisation.DEGREE, 0.5, 0.01, 0, 0, 0.3,
                false, 6, new PotentialNodeUpdate(new org.ensemble.potential.DoubleWellPotential(0)), 1));
    }

    @Test
    void langevinOnTheCompleteGraphThroughItsSums() {
        check(null, 100, new NodeDynamics(NodeRule.LANGEVIN, 2, Normalisation.NODES, 0.5, 0.01, 0, 0, 0.3, false, 9,
                new PotentialNodeUpdate(new org.ensemble.potential.DoubleWellPotential(0)), 1));
    }

    @Test
    void aUserRuleClassOnAnErdosRenyiGraph() {
        Graph g = GraphGenerators.erdosRenyi(110, 0.06, 2);
        check(g, g.nodes(), new NodeDynamics(NodeRule.CLASS, 1, Normalisation.MEAN_DEGREE, 0.2, 0.02, 0, 0, 0.5, false,
                3, new LinearPullRule(org.ensemble.potential.PotentialParams.of(java.util.Map.of("a", 1.5))), 0.5));
    }

    @Test
    void aUserRuleWithMaxAggregation() {
        Graph g = GraphGenerators.barabasiAlbert(100, 2, 4);
        check(g, g.nodes(), new NodeDynamics(NodeRule.CLASS, 1, Normalisation.DEGREE, 0.1, 0.02, 0, 0, 0.5, false, 8,
                new ReaggregatedUpdate(new KuramotoRule(), org.ensemble.gnn.Aggregation.MAX), 0));
    }

    @Test
    void theHaloHoldsOnlyCrossShardSenders() {
        Graph ring = Graph.ring(64);
        NodeDynamics d = new NodeDynamics(NodeRule.CONSENSUS, 1, Normalisation.DEGREE, 0, 0.1, 0, 0, 0, true, 1);
        // 4 shards of 16 nodes on a ring: each boundary has one node on each side
        NodeRecipe r = NodeRecipe.of(ring, 64, d, 16, NodePopulation.ranges(64, 16, 4, Granularity.BLOCK));
        assertArrayEquals(new int[] {0, 15, 16, 31, 32, 47, 48, 63}, r.halo());
        assertEquals(0, NodeRecipe.of(ring, 64, d, 16, NodePopulation.ranges(64, 16, 1, Granularity.BLOCK)).halo().length);
    }
}
