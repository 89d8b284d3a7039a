package org.ensemble.gnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.graph.Graph;
import org.ensemble.random.Streams;
import org.ensemble.step.Granularity;
import org.junit.jupiter.api.Test;

/** The layers against closed forms, and identical bytes for any split of the nodes, any runner, any sender order. */
class GnnLayersTest {
    /** A 5 × 7 grid with a few long-range edges, so degrees vary (2 … 6). */
    static Graph irregular() {
        Graph grid = Graph.grid(5, 7);
        List<int[]> e = new ArrayList<>();
        for (int i = 0; i < grid.nodes(); i++) {
            for (int k = grid.offsets()[i]; k < grid.offsets()[i + 1]; k++) {
                if (grid.senders()[k] < i) {
                    e.add(new int[] {grid.senders()[k], i});
                }
            }
        }
        e.add(new int[] {0, 34});
        e.add(new int[] {3, 20});
        e.add(new int[] {3, 30});
        e.add(new int[] {11, 29});
        int[] a = e.stream().mapToInt(x -> x[0]).toArray();
        int[] b = e.stream().mapToInt(x -> x[1]).toArray();
        return Graph.fromEdges(35, a, b, null, true);
    }

    static double[] features(int n, int d, long seed) {
        return InfluenceStudy.features(n, d, seed);
    }

    @Test
    void everyKindGivesTheSameBytesForOneTwoAndSevenBlocks() {
        Graph g = irregular();
        double[] x = features(g.nodes(), 3, 5);
        for (String kind : LayerStack.KINDS) {
            LayerStack stack = LayerStack.random(kind, 3, 3, 6, Activation.TANH, kind.equals("mean"), 11);
            List<double[]> whole = stack.forward(g, x);
            for (int blocks : new int[] {1, 2, 7}) {
                double[] h = x;
                for (int l = 0; l < stack.depth(); l++) {
                    GnnLayer layer = stack.layers().get(l);
                    double[] next = new double[g.nodes() * layer.outWidth()];
                    for (int b = 0; b < blocks; b++) {
                        int from = g.nodes() * b / blocks;
                        int to = g.nodes() * (b + 1) / blocks;
                        double[] part = new double[(to - from) * layer.outWidth()];
                        layer.apply(g, h, from, to, part);
                        System.arraycopy(part, 0, next, from * layer.outWidth(), part.length);
                    }
                    assertArrayEquals(whole.get(l + 1), next, kind + ", " + blocks + " blocks, layer " + (l + 1));
                    h = next;
                }
            }
        }
    }

    @Test
    void engineInProcessAndOneActorPerNodeGiveThePlainBytes() {
        Graph g = irregular();
        double[] x = features(g.nodes(), 3, 2);
        LayerStack stack = LayerStack.random("gin", 2, 3, 5, Activation.RELU, false, 3);
        List<double[]> plain = stack.forward(g, x);
        List<GnnForward> runners = List.of(
                GnnForward.engine(1, Granularity.BLOCK, 4, () -> false),
                GnnForward.engine(2, Granularity.BLOCK, 4, () -> false),
                GnnForward.engine(7, Granularity.BLOCK, 4, () -> false),
                GnnForward.engine(1, Granularity.MEMBER, 4, () -> false),
                GnnForward.inProcess(7, Granularity.BLOCK, 3, () -> false),
                GnnForward.inProcess(1, Granularity.MEMBER, 1, () -> false));
        for (GnnForward f : runners) {
            List<double[]> got = f.forward(g, stack, x);
            assertEquals(plain.size(), got.size());
            for (int l = 0; l < plain.size(); l++) {
                assertArrayEquals(plain.get(l), got.get(l), "layer " + l);
            }
        }
    }

    @Test
    void relabellingTheNodesPermutesTheEmbeddingsBitForBit() {
        // Exact sums make a node's row a function of the multiset of its neighbours' rows, whatever
        // order its senders are stored in: relabel by a permutation and compare the permuted rows.
        Graph g = irregular();
        int n = g.nodes();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = (int) ((i * 17L + 5) % n); // 17 is coprime with 35
        }
        List<int[]> a = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int k = g.offsets()[i]; k < g.offsets()[i + 1]; k++) {
                if (g.senders()[k] < i) {
                    a.add(new int[] {perm[g.senders()[k]], perm[i]});
                }
            }
        }
        Graph p = Graph.fromEdges(n, a.stream().mapToInt(e -> e[0]).toArray(), a.stream().mapToInt(e -> e[1]).toArray(),
                null, true);
        int d = 3;
        double[] x = features(n, d, 9);
        double[] px = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * d, px, perm[i] * d, d);
        }
        for (String kind : LayerStack.KINDS) {
            LayerStack stack = LayerStack.random(kind, 3, d, 4, Activation.TANH, false, 21);
            double[] h = stack.forward(g, x).get(3);
            double[] ph = stack.forward(p, px).get(3);
            for (int i = 0; i < n; i++) {
                for (int o = 0; o < 4; o++) {
                    assertEquals(Double.doubleToRawLongBits(h[i * 4 + o]), Double.doubleToRawLongBits(ph[perm[i] * 4 + o]),
                            kind + " node " + i);
                }
            }
            for (Readout r : Readout.values()) {
                assertArrayEquals(r.apply(h, 4, 0, n), r.apply(ph, 4, 0, n), kind + " readout " + r);
            }
        }
    }

    private static Dense identity(int d) {
        double[] w = new double[d * d];
        for (int i = 0; i < d; i++) {
            w[i * d + i] = 1;
        }
        return new Dense(d, d, w, new double[d], Activation.IDENTITY);
    }

    @Test
    void fixedWeightLayersMatchTheirClosedFormsOnAPath() {
        // Path 0 – 1 – 2, d̃ = (2, 3, 2); one feature x = (1, 10, 100); identity weights.
        Graph path = new GraphSpec.Path(3).build();
        double[] x = {1, 10, 100};
        double[] gcn = new LayerStack(List.of(new GcnLayer(identity(1)))).forward(path, x).get(1);
        assertEquals(1 / 2.0 + 10 / Math.sqrt(6), gcn[0], 1e-15);
        assertEquals(1 / Math.sqrt(6) + 10 / 3.0 + 100 / Math.sqrt(6), gcn[1], 1e-14);
        assertEquals(10 / Math.sqrt(6) + 100 / 2.0, gcn[2], 1e-14);
        double[] gin = new LayerStack(List.of(new GinLayer(0.5, List.of(identity(1))))).forward(path, x).get(1);
        assertArrayEquals(new double[] {1.5 + 10, 15 + 101, 150 + 10}, gin);
        double[] mean = new LayerStack(List.of(new AggregateLayer(Aggregation.MEAN, true, identity(1)))).forward(path, x)
                .get(1);
        assertArrayEquals(new double[] {11 / 2.0, 111 / 3.0, 110 / 2.0}, mean);
        double[] max = new LayerStack(List.of(new AggregateLayer(Aggregation.MAX, false, identity(1)))).forward(path, x)
                .get(1);
        assertArrayEquals(new double[] {10, 100, 10}, max);
        double[] min = new LayerStack(List.of(new AggregateLayer(Aggregation.MIN, false, identity(1)))).forward(path, x)
                .get(1);
        assertArrayEquals(new double[] {10, 1, 10}, min);
        double[] sum = new LayerStack(List.of(new AggregateLayer(Aggregation.SUM, false,
                new Dense(1, 1, new double[] {-2}, new double[] {3}, Activation.RELU)))).forward(path, x).get(1);
        assertArrayEquals(new double[] {0, 0, 0}, sum); // relu(−2·s + 3) with s ≥ 10
        assertArrayEquals(new double[] {111}, Readout.SUM.apply(x, 1, 0, 3));
        assertArrayEquals(new double[] {37}, Readout.MEAN.apply(x, 1, 0, 3));
        assertArrayEquals(new double[] {100}, Readout.MAX.apply(x, 1, 0, 3));
    }

    @Test
    void randomWeightsArePhiloxDrawsOfTheSeed() {
        Dense a = Dense.random(4, 3, Activation.RELU, 7, 2, 2.0);
        Dense b = Dense.random(4, 3, Activation.RELU, 7, 2, 2.0);
        assertArrayEquals(a.w(), b.w());
        assertArrayEquals(a.b(), b.b());
        assertEquals(Math.sqrt(2.0 / 4) * Streams.auxNormal(7, 2, Dense.STREAM_WEIGHTS, 5), a.w()[5]);
        assertFalse(java.util.Arrays.equals(a.w(), Dense.random(4, 3, Activation.RELU, 8, 2, 2.0).w()));
        assertFalse(java.util.Arrays.equals(a.w(), Dense.random(4, 3, Activation.RELU, 7, 3, 2.0).w()));
    }

    @Test
    void mismatchedWidthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LayerStack(List.of(
                new GcnLayer(Dense.random(2, 3, Activation.RELU, 1, 0, 2)),
                new GcnLayer(Dense.random(4, 3, Activation.RELU, 1, 1, 2)))));
        assertThrows(IllegalArgumentException.class, () -> LayerStack.random("sum", 1, 2, 2, Activation.RELU, false, 1)
                .forward(Graph.ring(3), new double[5]));
    }

    @Test
    void aDisjointUnionIsEveryPartAtOnce() {
        Graph a = Graph.ring(5);
        Graph b = irregular();
        GraphUnion u = GraphUnion.of(List.of(a, b));
        LayerStack stack = LayerStack.random("gcn", 2, 2, 3, Activation.TANH, false, 4);
        double[] xa = features(a.nodes(), 2, 1);
        double[] xb = features(b.nodes(), 2, 2);
        double[] xu = new double[xa.length + xb.length];
        System.arraycopy(xa, 0, xu, 0, xa.length);
        System.arraycopy(xb, 0, xu, xa.length, xb.length);
        double[] hu = stack.forward(u.graph(), xu).get(2);
        double[] ha = stack.forward(a, xa).get(2);
        double[] hb = stack.forward(b, xb).get(2);
        assertArrayEquals(ha, java.util.Arrays.copyOfRange(hu, 0, ha.length));
        assertArrayEquals(hb, java.util.Arrays.copyOfRange(hu, ha.length, hu.length));
    }
}
