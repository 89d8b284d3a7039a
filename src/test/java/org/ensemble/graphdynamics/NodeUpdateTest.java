package org.ensemble.graphdynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ensemble.graph.Graph;
import org.ensemble.graph.GraphGenerators;
import org.ensemble.potential.HarmonicPotential;
import org.ensemble.potential.PotentialParams;
import org.ensemble.scenario.GraphDynamicsScenario;
import org.ensemble.scenario.GraphDynamicsScenarioLoader;
import org.ensemble.scenario.ScenarioException;
import org.ensemble.step.Granularity;
import org.ensemble.step.ShardRange;
import org.junit.jupiter.api.Test;

/** User message/update classes: named in a scenario like potentials, and exactly the built-in rules they rewrite. */
class NodeUpdateTest {
    private static double[] finalStates(Graph g, NodeDynamics d, int steps) {
        List<ShardRange> ranges = NodePopulation.ranges(g.nodes(), 16, 3, Granularity.BLOCK);
        NodeRecipe recipe = NodeRecipe.of(g, g.nodes(), d, 16, ranges);
        double[][] last = new double[1][];
        NodePopulation.runInProcess(recipe, ranges, new NodeReducer(recipe, steps, steps, new org.ensemble.step.Observer<>() {
            @Override
            public void observe(NodeMeasure m) {
                if (m.states() != null) {
                    last[0] = m.states().clone();
                }
            }

            @Override
            public long nextNeed(long step) {
                return steps;
            }
        }), () -> false);
        return last[0];
    }

    /** −(a·x) + c·m by hand is the built-in Langevin drift −V'(x) + c·m for V = a x²/2, bit for bit. */
    @Test
    void aUserLinearPullIsLangevinInTheHarmonicWell() {
        Graph g = GraphGenerators.wattsStrogatz(90, 4, 0.2, 3);
        NodeUpdate user = new LinearPullRule(PotentialParams.of(Map.of("a", 2)));
        NodeUpdate builtIn = new PotentialNodeUpdate(new HarmonicPotential(new double[] {2}, new double[] {0}));
        double[] a = finalStates(g, new NodeDynamics(NodeRule.CLASS, 1.5, Normalisation.DEGREE, 0.4, 0.01, 0, 0, 0.5,
                false, 11, user, 1), 200);
        double[] b = finalStates(g, new NodeDynamics(NodeRule.LANGEVIN, 1.5, Normalisation.DEGREE, 0.4, 0.01, 0, 0, 0.5,
                false, 11, builtIn, 1), 200);
        assertArrayEquals(b, a, 0.0);
        // and the rule moved them: the harmonic pull brings the start at 1 towards 0
        assertTrue(java.util.Arrays.stream(a).average().orElseThrow() < 0.3);
    }

    /** A periodic user rule (Kuramoto by hand, states mod 2π) is the built-in Kuramoto rule, bit for bit. */
    @Test
    void aUserKuramotoRuleIsTheBuiltInOne() {
        Graph g = GraphGenerators.erdosRenyi(80, 0.1, 5);
        double[] a = finalStates(g, new NodeDynamics(NodeRule.CLASS, 2, Normalisation.MEAN_DEGREE, 0.3, 0.02, 0, 0, 0,
                true, 4, new KuramotoRule(), 0), 150);
        double[] b = finalStates(g, new NodeDynamics(NodeRule.KURAMOTO, 2, Normalisation.MEAN_DEGREE, 0.3, 0.02, 0, 0,
                0, true, 4), 150);
        assertArrayEquals(b, a, 0.0);
    }

    /** Reads the neighbour: message x_j, drift = the coupled aggregate. */
    public static final class Neighbour implements NodeUpdate {
        @Override
        public double message(double xi, double xj) {
            return xj;
        }

        @Override
        public double drift(long node, double x, double coupled) {
            return coupled;
        }
    }

    /** One step without noise: x_i + dt·(K/⟨deg⟩)·agg_j(w_ij x_j), agg = sum, mean (/ Σ w), max, min — by hand. */
    @Test
    void messagesAreAggregatedBySumMeanMaxOrMin() {
        Graph ring = Graph.ring(7);
        double[] w = new double[ring.edges()];
        for (int e = 0; e < w.length; e++) {
            w[e] = 0.5 + ring.senders()[e] % 3;
        }
        Graph g = new Graph(7, ring.offsets(), ring.senders(), w);
        for (org.ensemble.gnn.Aggregation a : org.ensemble.gnn.Aggregation.values()) {
            NodeDynamics d = new NodeDynamics(NodeRule.CLASS, 1.3, Normalisation.MEAN_DEGREE, 0, 0.1, 0, 0, 1, false, 8,
                    new ReaggregatedUpdate(new Neighbour(), a), 0.2);
            double[] x0 = new double[7];
            for (int i = 0; i < 7; i++) {
                x0[i] = d.initial(i);
            }
            double[] got = finalStates(g, d, 1);
            for (int i = 0; i < 7; i++) {
                double sum = 0;
                double ws = 0;
                double max = Double.NEGATIVE_INFINITY;
                double min = Double.POSITIVE_INFINITY;
                for (int e = g.offsets()[i]; e < g.offsets()[i + 1]; e++) {
                    double m = w[e] * x0[g.senders()[e]];
                    sum += m;
                    ws += w[e];
                    max = Math.max(max, m);
                    min = Math.min(min, m);
                }
                double agg = switch (a) {
                    case SUM -> sum;
                    case MEAN -> sum / ws;
                    case MAX -> max;
                    case MIN -> min;
                };
                assertEquals(x0[i] + 0.1 * ((1.3 * 7 / 14.0) * agg), got[i], 0.0, a + " node " + i);
            }
        }
    }

    private static final String HEADER = "seed = 3\nshards = 2\ngraph-dynamics {\n  graph { kind = ring, nodes = 40 }\n"
            + "  coupling = [1]\n  noise = 0.2\n  dt = 0.01\n  time = 1\n  execution = in-process\n";

    /** The class is named in the scenario as for potentials; params reach its PotentialParams constructor. */
    @Test
    void theScenarioNamesTheClassAndItsParams() {
        GraphDynamicsScenario s = GraphDynamicsScenarioLoader.loadString(HEADER + "  rule = class\n"
                + "  update { class = \"org.ensemble.graphdynamics.LinearPullRule\", params { a = 3 } }\n}\n", "u.conf",
                List.of());
        LinearPullRule r = assertInstanceOf(LinearPullRule.class, s.params().update());
        assertEquals(-3 * 0.5 + 0.25, r.drift(0, 0.5, 0.25), 0.0);
        assertTrue(s.render().contains("LinearPullRule"), s.render());
        assertEquals(s.render(), GraphDynamicsScenarioLoader.loadString(s.render(), "u.conf", List.of()).render());
        GraphDynamicsScenario max = GraphDynamicsScenarioLoader.loadString(HEADER + "  rule = class\n"
                + "  update { class = \"org.ensemble.graphdynamics.KuramotoRule\", aggregate = max }\n}\n", "u.conf",
                List.of());
        assertEquals(org.ensemble.gnn.Aggregation.MAX, max.params().update().aggregation());
        assertTrue(max.params().update().periodic());
    }

    private static String error(String body) {
        return assertThrows(ScenarioException.class, () -> GraphDynamicsScenarioLoader.loadString(HEADER + body + "}\n",
                "u.conf", List.of())).getMessage();
    }

    /** Bad classes and rules: one line naming the file, line and key. */
    @Test
    void badUserClassesAreOneLineErrors() {
        String missing = error("  rule = class\n  update { class = \"org.example.Nope\" }\n");
        assertTrue(missing.startsWith("u.conf:11:") && missing.contains("graph-dynamics.update.class")
                && missing.contains("not found"), missing);
        String wrongType = error("  rule = class\n  update { class = \"java.lang.String\" }\n");
        assertTrue(wrongType.contains("graph-dynamics.update.class") && wrongType.contains(NodeUpdate.class.getName()),
                wrongType);
        String badParam = error("  rule = class\n  update { class = \"org.ensemble.graphdynamics.LinearPullRule\","
                + " params { a = x } }\n");
        assertTrue(badParam.contains("graph-dynamics.update.params.a") && badParam.contains("expected a number"), badParam);
        String badAggregate = error("  rule = class\n  update { class = \"org.ensemble.graphdynamics.KuramotoRule\","
                + " aggregate = median }\n");
        assertTrue(badAggregate.contains("graph-dynamics.update.aggregate"), badAggregate);
        String noUpdate = error("  rule = class\n");
        assertTrue(noUpdate.contains("graph-dynamics.update"), noUpdate);
        String noPotential = error("  rule = langevin\n");
        assertTrue(noPotential.contains("graph-dynamics.potential"), noPotential);
        String twoD = error("  rule = langevin\n  potential { type = muller-brown }\n");
        assertTrue(twoD.contains("graph-dynamics.potential.type") && twoD.contains("1-D"), twoD);
        String complete = assertThrows(ScenarioException.class, () -> GraphDynamicsScenarioLoader.loadString(
                HEADER.replace("kind = ring, nodes = 40", "kind = complete, nodes = 40") + "  rule = class\n"
                        + "  update { class = \"org.ensemble.graphdynamics.KuramotoRule\" }\n}\n", "u.conf",
                List.of())).getMessage();
        assertTrue(complete.contains("graph-dynamics.rule") && complete.contains("complete graph"), complete);
        for (String m : List.of(missing, wrongType, badParam, badAggregate, noUpdate, noPotential, twoD, complete)) {
            assertEquals(1, m.lines().count(), m);
        }
    }
}
