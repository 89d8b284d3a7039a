package org.ensemble.gnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.graph.Graph;
import org.ensemble.graph.GraphGenerators;
import org.ensemble.step.Decision;
import org.ensemble.step.Granularity;
import org.ensemble.step.Partial;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepOrder;
import org.junit.jupiter.api.Test;

/** After the input, an order carries only the boundary rows of the previous layer, and the layers are unchanged. */
class GnnHaloTest {
    @Test
    void onARingOnlyTheShardEndsTravel() {
        Graph ring = Graph.ring(24);
        LayerStack stack = LayerStack.random("gcn", 3, 2, 5, Activation.TANH, false, 4);
        GnnRecipe recipe = new GnnRecipe(ring, stack, 6);
        List<ShardRange> ranges = GnnPopulation.ranges(recipe, 4, Granularity.BLOCK);
        GnnRecipe planned = recipe.forPlan(ranges);
        // 4 shards of 6 nodes: each shard's first and last node send across
        assertArrayEquals(new int[] {0, 5, 6, 11, 12, 17, 18, 23}, planned.halo());
        double[] input = new double[24 * 2];
        for (int i = 0; i < input.length; i++) {
            input[i] = Math.sin(0.7 * i);
        }
        List<double[]> layers = new ArrayList<>();
        GnnReducer reducer = new GnnReducer(planned, input, m -> layers.add(m.rows()));
        List<ShardModel> models = ranges.stream().map(planned::build).toList();
        StepOrder order = reducer.first();
        assertEquals(24 * 2, order.field().length, "the input goes whole, once");
        List<Integer> fieldLengths = new ArrayList<>();
        while (true) {
            List<Partial> partials = new ArrayList<>();
            for (ShardModel m : models) {
                partials.add(m.phase(order));
            }
            Decision d = reducer.reduce(partials, new long[models.size()]);
            if (d instanceof Decision.Finish) {
                break;
            }
            order = ((Decision.Next) d).order();
            fieldLengths.add(order.field().length);
        }
        assertEquals(List.of(8 * 5, 8 * 5), fieldLengths, "8 boundary rows of width 5, not 24");
        List<double[]> plain = stack.forward(ring, input);
        assertEquals(plain.size(), layers.size());
        for (int l = 0; l < plain.size(); l++) {
            assertArrayEquals(plain.get(l), layers.get(l), 0.0, "layer " + l);
        }
    }

    @Test
    void oneShardSendsNothingAfterTheInputAndNodeActorsSendEverySender() {
        Graph g = GraphGenerators.erdosRenyi(40, 0.1, 2);
        GnnRecipe recipe = new GnnRecipe(g, LayerStack.random("mean", 2, 3, 4, Activation.RELU, false, 1), 8);
        assertEquals(0, recipe.forPlan(GnnPopulation.ranges(recipe, 1, Granularity.BLOCK)).halo().length);
        int senders = 0;
        for (int j = 0; j < 40; j++) {
            boolean sends = false;
            for (int e = 0; e < g.edges(); e++) {
                sends |= g.senders()[e] == j;
            }
            senders += sends ? 1 : 0;
        }
        assertEquals(senders, recipe.forPlan(GnnPopulation.ranges(recipe, 1, Granularity.MEMBER)).halo().length);
    }
}
