package org.ensemble.graphdynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ensemble.graph.Graph;
import org.ensemble.graph.GraphGenerators;
import org.ensemble.implicitbias.StudyResult;
import org.ensemble.scenario.GraphDynamicsScenario;
import org.ensemble.scenario.GraphDynamicsScenarioLoader;
import org.junit.jupiter.api.Test;

/** Per-community order parameters on a stochastic block model. */
class CommunityOrderParametersTest {
    private static GraphDynamicsScenario scenario(String graph, String extra) {
        return GraphDynamicsScenarioLoader.loadString("seed = 5\nshards = 1\ngraph-dynamics {\n  graph { " + graph
                + " }\n  rule = kuramoto\n  coupling = [4]\n  normalisation = degree\n  noise = 1\n" + extra
                + "  extrapolate-dt = false\n}\n", "sbm.conf", List.of());
    }

    /** The block model: communities on consecutive ids, no edge across at p_out = 0, all inside at p_in = 1. */
    @Test
    void theBlockModelHasItsCommunities() {
        Graph g = GraphGenerators.stochasticBlock(new int[] {5, 7}, 1, 0, 3);
        assertEquals(12, g.nodes());
        assertEquals(2 * (10 + 21), g.edges());
        for (int i = 0; i < 12; i++) {
            for (int e = g.offsets()[i]; e < g.offsets()[i + 1]; e++) {
                assertEquals(i < 5, g.senders()[e] < 5, "edge " + g.senders()[e] + " → " + i + " crosses");
            }
        }
        // p_out = 0.3 across 200 × 300 pairs: the cross-edge count is Binomial(60000, 0.3), mean 18000, sd 112
        Graph h = GraphGenerators.stochasticBlock(new int[] {200, 300}, 0, 0.3, 9);
        assertEquals(18000, h.edges() / 2.0, 5 * 112);
        assertEquals(h.edges(), GraphGenerators.stochasticBlock(new int[] {200, 300}, 0, 0.3, 9).edges());
    }

    /**
     * Two disconnected complete communities of 200 oscillators, K/deg = 4/199, D = 1: each community
     * is a complete graph with K/N coupling K_c = K·200/199, whose exact finite-N mean r is
     * {@link KuramotoMeanField#finiteNMeanR}. r_c time-averaged over t ∈ [5, 30] (SE from the
     * autocorrelation time) within 3 SE + 0.005: Euler–Maruyama at dt = 0.01 lowers r by ≈ 0.003 at
     * K/D = 4–6 (the graphs notes: measured by dt-extrapolation), not extrapolated here.
     */
    @Test
    void eachDisconnectedCommunitySynchronisesOnItsOwn() {
        GraphDynamicsScenario s = scenario("kind = stochastic-block, sizes = [200, 200], p-in = 1, p-out = 0",
                "  dt = 0.01\n  time = 30\n  relax = 5\n  execution = in-process\n");
        StudyResult r = GraphDynamicsStudy.run(s.params(), s.seed(), 1, () -> false, line -> { });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> com = (List<Map<String, Object>>) r.summary().get("communities");
        assertEquals(2, com.size());
        double ref = KuramotoMeanField.finiteNMeanR(4 * 200 / 199.0, 1, 200);
        for (Map<String, Object> c : com) {
            double rc = (double) c.get("r");
            double se = (double) c.get("se");
            assertTrue(se > 0 && se < 0.02, "SE " + se);
            assertEquals(ref, rc, 3 * se + 0.005, "community " + c.get("community"));
        }
        assertTrue(r.tables().stream().anyMatch(t -> t.name().equals("community-order-parameter")));
        assertTrue(r.charts().containsKey("community-over-time"));
    }

    /** The per-community table is the same bytes for 1, 2 and 7 shards and one actor per node. */
    @Test
    void theCommunityTableIsTheSameForAnyShardPlan() {
        String graph = "kind = stochastic-block, sizes = [30, 50, 20], p-in = 0.3, p-out = 0.02";
        String run = "  dt = 0.01\n  time = 0.6\n  relax = 0\n  record-every = 3\n  block-size = 8\n";
        List<List<Object>> one = table(scenario(graph, run + "  execution = in-process\n"), 1);
        assertEquals(one, table(scenario(graph, run + "  execution = engine\n"), 2));
        assertEquals(one, table(scenario(graph, run + "  execution = engine\n"), 7));
        assertEquals(one, table(scenario(graph, run + "  execution = engine\n  granularity = node\n"), 1));
        assertEquals(3 * (60 / 3 + 1), one.size());
    }

    /** Bad block-model keys: one line naming the file, line and key. */
    @Test
    void badBlockModelKeysAreOneLineErrors() {
        for (String[] bad : new String[][] {
            {"kind = stochastic-block, sizes = [10, 0], p-in = 0.5, p-out = 0", "graph-dynamics.graph.sizes"},
            {"kind = stochastic-block, sizes = [10, 2.5], p-in = 0.5, p-out = 0", "graph-dynamics.graph.sizes"},
            {"kind = stochastic-block, sizes = [10, 10], p-in = 1.5, p-out = 0", "graph-dynamics.graph.p-in"},
            {"kind = stochastic-block, sizes = [10, 10], p-in = 0.5, p-out = [0, -1]", "graph-dynamics.graph.p-out"},
            {"kind = stochastic-block, sizes = [10, 10], p-in = 0.5", "graph-dynamics.graph.p-out"}}) {
            String m = org.junit.jupiter.api.Assertions.assertThrows(org.ensemble.scenario.ScenarioException.class,
                    () -> scenario(bad[0], "  dt = 0.01\n  time = 1\n")).getMessage();
            assertTrue(m.startsWith("sbm.conf:4: " + bad[1] + ":"), m);
            assertEquals(1, m.lines().count(), m);
        }
    }

    private static List<List<Object>> table(GraphDynamicsScenario s, int shards) {
        StudyResult r = GraphDynamicsStudy.run(s.params(), s.seed(), shards, () -> false, line -> { });
        return r.tables().stream().filter(t -> t.name().equals("community-order-parameter")).findFirst().orElseThrow()
                .rows();
    }
}
