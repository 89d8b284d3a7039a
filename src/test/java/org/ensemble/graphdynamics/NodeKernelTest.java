package org.ensemble.graphdynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ensemble.graph.Graph;
import org.ensemble.graph.GraphGenerators;
import org.ensemble.kernel.Backend;
import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.scenario.GraphDynamicsScenarioLoader;
import org.ensemble.scenario.ScenarioException;
import org.ensemble.step.Granularity;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in rules' node kernel (one source): its per-node method in a plain loop (backend java)
 * and Aparapi's thread pool executing it (aparapi-jtp) give the same bytes — every measure and the
 * states — for Kuramoto (identical and Lorentzian frequencies) and consensus, on sparse graphs with
 * halos between shards, with edge weights, and on the complete graph through its sums; with noise,
 * so the Ziggurat's slow path is crossed too. That the kernel is the arithmetic of the plain update
 * loop is checked by NodeUpdateTest (a user Kuramoto class, run by that loop, equals the built-in).
 */
class NodeKernelTest {
    private static final int STEPS = 60;

    static Stream<Arguments> cases() {
        Graph er = GraphGenerators.erdosRenyi(230, 0.04, 7);
        double[] w = new double[er.edges()];
        for (int e = 0; e < w.length; e++) {
            w[e] = 0.5 + (e % 7) / 7.0;
        }
        Graph weighted = new Graph(er.nodes(), er.offsets(), er.senders(), w);
        return Stream.of(
                Arguments.of("Kuramoto, Lorentzian ω, G(n, p)", er,
                        new NodeDynamics(NodeRule.KURAMOTO, 2, Normalisation.MEAN_DEGREE, 0.5, 0.02, 0.3, 0.2, 0, true, 5)),
                Arguments.of("Kuramoto, degree-normalised, weighted", weighted,
                        new NodeDynamics(NodeRule.KURAMOTO, 1.5, Normalisation.DEGREE, 0.2, 0.01, 0, 0, 0.7, false, 9)),
                Arguments.of("consensus, weighted", weighted,
                        new NodeDynamics(NodeRule.CONSENSUS, 1, Normalisation.DEGREE, 0.3, 0.01, 0, 0, 1, false, 3)),
                Arguments.of("Kuramoto, complete graph", null,
                        new NodeDynamics(NodeRule.KURAMOTO, 4, Normalisation.NODES, 1, 0.01, 0, 0, 0.8, false, 2)),
                Arguments.of("consensus, complete graph", null,
                        new NodeDynamics(NodeRule.CONSENSUS, 2, Normalisation.NODES, 0.5, 0.01, 0, 0, 1, false, 4)));
    }

    private static List<double[]> trace(Graph g, NodeDynamics d, Backend backend) {
        int n = g == null ? 230 : g.nodes();
        List<ShardRange> ranges = NodePopulation.ranges(n, 16, 3, Granularity.BLOCK);
        NodeRecipe recipe = NodeRecipe.of(g, n, d, 16, ranges, backend);
        NodeTrace t = new NodeTrace(20, STEPS);
        StepOutcome o = NodePopulation.runInProcess(recipe, ranges, new NodeReducer(recipe, STEPS, 5, t), () -> false);
        assertEquals(StepStatus.COMPLETED, o.status(), o.message());
        return t.rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void javaAndAparapiThreadPoolGiveTheSameBytes(String name, Graph g, NodeDynamics d) {
        List<double[]> java = trace(g, d, Backend.JAVA);
        List<double[]> jtp = trace(g, d, Backend.APARAPI_JTP);
        assertEquals(java.size(), jtp.size(), name);
        for (int i = 0; i < java.size(); i++) {
            assertArrayEquals(java.get(i), jtp.get(i), 0.0, name + ", row " + i);
        }
        // the nodes moved: the states at step 60 differ from those at step 20
        List<double[]> states = java.stream().filter(r -> r.length == 230).toList();
        assertEquals(2, states.size(), name);
        assertTrue(!Arrays.equals(states.get(0), states.get(1)), name + ": the states did not move");
    }

    @Test
    void rulesWithAnUpdateClassStayOnJava() {
        NodeDynamics langevin = new NodeDynamics(NodeRule.LANGEVIN, 1, Normalisation.DEGREE, 0.5, 0.01, 0, 0, 0.3,
                false, 1, new PotentialNodeUpdate(new DoubleWellPotential(0)), 0);
        Graph ring = Graph.ring(20);
        assertThrows(IllegalArgumentException.class, () -> NodeRecipe.of(ring, 20, langevin, 8,
                NodePopulation.ranges(20, 8, 1, Granularity.BLOCK), Backend.APARAPI_JTP));
        ScenarioException e = assertThrows(ScenarioException.class, () -> GraphDynamicsScenarioLoader.loadString("""
                seed = 1
                backend = aparapi-jtp
                graph-dynamics {
                  graph { kind = ring, nodes = 20 }
                  rule = langevin
                  potential { type = double-well }
                  coupling = [1]
                }
                """, "kernel.conf", List.of()));
        assertTrue(e.getMessage().startsWith("kernel.conf:2: backend:") && e.getMessage().contains("java"),
                e.getMessage());
        ScenarioException nodes = assertThrows(ScenarioException.class, () -> GraphDynamicsScenarioLoader.loadString("""
                seed = 1
                backend = aparapi-jtp
                graph-dynamics {
                  graph { kind = ring, nodes = 20 }
                  coupling = [1]
                  granularity = node
                }
                """, "kernel.conf", List.of()));
        assertTrue(nodes.getMessage().startsWith("kernel.conf:2: backend:")
                && nodes.getMessage().contains("granularity = block"), nodes.getMessage());
    }
}
