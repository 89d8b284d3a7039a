package org.ensemble.gnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ensemble.graph.Graph;
import org.junit.jupiter.api.Test;

/** Jacobian influence: exact against P^k for linear layers, and the forward-mode Jacobian against finite differences. */
class InfluenceTest {
    @Test
    void randomWalkRowsAreDistributionsAndMatchTheRingByHand() {
        double[][] p = Influence.randomWalk(Graph.ring(8), 2);
        // P on a ring: 1/3 to self and each neighbour; (P²)_{00} = 3·(1/9), (P²)_{01} = 2/9, (P²)_{02} = 1/9.
        assertEquals(1 / 3.0, p[0][1], 1e-16);
        assertEquals(3 / 9.0, p[1][0], 1e-16);
        assertEquals(2 / 9.0, p[1][1], 1e-16);
        assertEquals(1 / 9.0, p[1][2], 1e-16);
        assertEquals(0.0, p[1][3]);
        for (int x = 0; x < 8; x++) {
            double s = 0;
            for (int y = 0; y < 8; y++) {
                s += p[1][x * 8 + y];
            }
            assertEquals(1.0, s, 1e-15);
        }
    }

    @Test
    void identityActivationGivesTheRandomWalkExactly() {
        // ∂h_x^(k)/∂h_y^(0) = (P^k)_xy (W_1⋯W_k)ᵀ: the normalised absolute sums are (P^k)_xy; only rounding
        // (a few ulp of O(1) numbers over 6 layers) separates them, hence 1e-12 with a wide margin.
        for (Graph g : List.of(Graph.ring(10), Graph.grid(4, 5), GnnLayersTest.irregular())) {
            LayerStack stack = LayerStack.random("mean", 6, 3, 5, Activation.IDENTITY, true, 13);
            double[] x = InfluenceStudy.features(g.nodes(), 3, 1);
            double[][] inf = Influence.distributions(g, stack, stack.forward(g, x));
            double[][] walk = Influence.randomWalk(g, 6);
            for (int k = 0; k < 6; k++) {
                assertTrue(Influence.maxAbsDifference(inf[k], walk[k]) <= 1e-12, g + " k = " + (k + 1));
            }
        }
    }

    @Test
    void oneReluLayerIsStillTheRandomWalkAndDeeperOnesAreNot() {
        // At k = 1 the Jacobian is (P)_xy diag(σ'_x) Wᵀ: one factor per x, which normalisation removes.
        Graph g = Graph.grid(5, 5);
        LayerStack stack = LayerStack.random("mean", 3, 4, 8, Activation.RELU, true, 2);
        double[][] inf = Influence.distributions(g, stack, stack.forward(g, InfluenceStudy.features(25, 4, 3)));
        double[][] walk = Influence.randomWalk(g, 3);
        assertTrue(Influence.maxAbsDifference(inf[0], walk[0]) <= 1e-12);
        assertTrue(Influence.meanTotalVariation(inf[2], walk[2], 25) > 1e-3); // the masks differ from node to node
    }

    @Test
    void forwardModeJacobianMatchesCentralDifferences() {
        // Central differences with step 1e-5 on tanh layers: truncation ~ h²·|f'''| ≈ 1e-10, rounding ~ 1e-16/h ≈ 1e-11;
        // the scores are sums of 8·3 = 24 absolute entries of size ~0.1, so 1e-7 is a wide bound.
        Graph g = Graph.grid(3, 4);
        int n = g.nodes();
        int d0 = 3;
        LayerStack stack = LayerStack.random("mean", 2, d0, 8, Activation.TANH, true, 5);
        double[] x = InfluenceStudy.features(n, d0, 4);
        double[][] scores = Influence.scores(g, stack, stack.forward(g, x));
        double h = 1e-5;
        for (int y : new int[] {0, 5, 11}) {
            double[] fd = new double[n];
            for (int f = 0; f < d0; f++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[y * d0 + f] += h;
                minus[y * d0 + f] -= h;
                double[] hp = stack.forward(g, plus).get(2);
                double[] hm = stack.forward(g, minus).get(2);
                for (int xn = 0; xn < n; xn++) {
                    for (int o = 0; o < 8; o++) {
                        fd[xn] += Math.abs((hp[xn * 8 + o] - hm[xn * 8 + o]) / (2 * h));
                    }
                }
            }
            for (int xn = 0; xn < n; xn++) {
                assertEquals(fd[xn], scores[1][xn * n + y], 1e-7, "x = " + xn + ", y = " + y);
            }
        }
    }

    @Test
    void nonlinearAggregationIsRefused() {
        LayerStack stack = LayerStack.random("max", 1, 2, 2, Activation.RELU, true, 1);
        Graph g = Graph.ring(4);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Influence.distributions(g, stack, stack.forward(g, new double[8])));
    }
}
