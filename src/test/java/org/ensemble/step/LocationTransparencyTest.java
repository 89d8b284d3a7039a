package org.ensemble.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.ensemble.langevin.LangevinRecipe;
import org.ensemble.network.Activation;
import org.ensemble.network.NetworkSpec;
import org.ensemble.network.TrainingRule;
import org.ensemble.population.BlockLayout;
import org.ensemble.scenario.IsotropicTrainingScenarios;
import org.ensemble.splitting.AmsScenarioRecipe;
import org.ensemble.training.NeuronRecipe;
import org.ensemble.training.TrainingSpec;
import org.junit.jupiter.api.Test;

/**
 * A shard needs nothing but plain data: each kind's recipe survives a JSON round trip (as a cluster
 * would ship it; the serialiser there is Jackson too), the copy builds its model afresh, and that
 * model answers the same orders with the same partials, byte for byte in their JSON form.
 */
class LocationTransparencyTest {
    static final ObjectMapper JSON = JsonMapper.builder().disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @Test
    void aLangevinRecipeShippedAsJsonBuildsTheSameParticles() throws Exception {
        LangevinRecipe recipe = LangevinRecipe.of(ShardInvarianceTest.spec(false, 2, Granularity.BLOCK));
        String wire = JSON.writeValueAsString(recipe);
        LangevinRecipe copy = JSON.readValue(wire, LangevinRecipe.class);
        assertNotSame(recipe, copy);
        assertEquals(wire, JSON.writeValueAsString(copy));
        ShardRange range = ShardPlan.of(new BlockLayout(1000, 64), 3, Granularity.BLOCK).get(1);
        List<StepOrder> orders = List.of(new StepOrder(0, 0, null, true), new StepOrder(0, 50, null, true),
                new StepOrder(50, 37, null, false));
        assertEquals(answers(recipe, range, orders), answers(copy, JSON.readValue(JSON.writeValueAsString(range),
                ShardRange.class), orders));
    }

    @Test
    void aNeuronRecipeShippedAsJsonBuildsTheSameNeurons() throws Exception {
        TrainingSpec spec = TrainingSpec.of(IsotropicTrainingScenarios.of(NetworkSpec.meanField(40, 5,
                Activation.of(Activation.Kind.TANH)), TrainingRule.sgd(0.01, 2), 0.5, 3, 3, 20, 10, 7, 8, 2,
                Granularity.BLOCK));
        NeuronRecipe recipe = new NeuronRecipe(spec.scenario());
        NeuronRecipe copy = JSON.readValue(JSON.writeValueAsString(recipe), NeuronRecipe.class);
        ShardRange range = ShardPlan.of(new BlockLayout(40, 8), 2, Granularity.BLOCK).get(1);
        double[] coef = {0.1, -0.2};
        List<StepOrder> orders = List.of(new StepOrder(0, 0, null, false), new StepOrder(0, 1, coef, false),
                new StepOrder(1, 0, null, true));
        assertEquals(answers(recipe, range, orders), answers(copy, range, orders));
    }

    @Test
    void anAmsRecipeShippedAsJsonBuildsTheSameReplicas() throws Exception {
        org.ensemble.scenario.SplittingScenario s = org.ensemble.scenario.SplittingScenarioLoader.loadString(String.join(
                "\n", "seed = 4", "potential { type = muller-brown, scale = 0.05 }", "dynamics { beta = [1, 2], dt = 1e-3 }",
                "splitting { replicas = 12, runs = 2, start = [-0.6, 1.25], a { center = [-0.558, 1.442], radius = 0.1 },"
                        + " b { center = [0.623, 0.028], radius = 0.1 } }"), "test");
        AmsScenarioRecipe recipe = AmsScenarioRecipe.of(s.resolved(), s.ams().withReplicas(10));
        String wire = JSON.writeValueAsString(recipe);
        AmsScenarioRecipe copy = JSON.readValue(wire, AmsScenarioRecipe.class);
        assertNotSame(recipe, copy);
        assertEquals(wire, JSON.writeValueAsString(copy));
        ShardRange range = ShardPlan.of(new BlockLayout(40, 8), 2, Granularity.BLOCK).get(1); // members 24 … 39
        // A first order (every member from the start), then restarts [member, lineage, step, x, y] of two members.
        double[] restarts = {25, (3L << 32) | 17, 40, -0.62, 1.2, 38, (3L << 32) | 18, 12, -0.5, 1.1};
        List<StepOrder> orders = List.of(new StepOrder(0, 1, null, false), new StepOrder(1, 1, restarts, false));
        assertEquals(answers(recipe, range, orders), answers(copy, range, orders));
    }

    /** The JSON of every partial (its SHA-256 and length, to keep a failure readable) the recipe's model answers to the orders. */
    private static String answers(ModelRecipe recipe, ShardRange range, List<StepOrder> orders) throws Exception {
        StringBuilder out = new StringBuilder();
        try (ShardModel model = recipe.build(range)) {
            for (StepOrder o : orders) {
                Partial p = model.phase(JSON.readValue(JSON.writeValueAsString(o), StepOrder.class));
                // Compute times differ between any two runs; everything else must be the same bytes.
                out.append(p.getClass().getSimpleName()).append(JSON.writeValueAsString(p)
                        .replaceAll("\"[a-zA-Z]*Nanos\":[0-9]+", "")).append('\n');
            }
        }
        byte[] b = out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b)) + " ("
                + b.length + " bytes)";
    }
}
