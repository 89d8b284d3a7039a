package org.ensemble.training;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.ensemble.network.NeuronSlab;
import org.ensemble.scenario.TrainingScenarioLoader;
import org.ensemble.step.Granularity;
import org.ensemble.step.ModelRecipe;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardRange;
import org.ensemble.step.WireMessage;

/**
 * How a shard builds its neurons, as plain data: the resolved training scenario. The shard parses it
 * in its own set-up (once per copy of the recipe) and initialises its neurons from (seed, neuron
 * id), so any split, on any JVM, gives the same network.
 */
public record NeuronRecipe(String scenario) implements ModelRecipe, WireMessage {
    /**
     * What each recipe object parses its scenario into, once (per copy: a recipe deserialised on
     * another JVM derives its own); weak keys, so a finished run's entry goes with its recipe.
     */
    private static final Map<NeuronRecipe, TrainingSpec> SPECS = Collections.synchronizedMap(new WeakHashMap<>());

    private TrainingSpec spec() {
        return SPECS.computeIfAbsent(this, r -> TrainingSpec.of(TrainingScenarioLoader.loadString(scenario,
                "the run's resolved scenario", List.of())));
    }

    @Override
    public ShardModel build(ShardRange range) {
        TrainingSpec spec = spec();
        NeuronSlab slab = new NeuronSlab(range.firstId(), range.size(), spec.network().inputDim())
                .initialize(spec.network(), spec.seed());
        int blockSize = range.granularity() == Granularity.MEMBER ? 1 : spec.blockSize();
        return new NeuronShardModel(new NeuronShardWorker(slab, spec, blockSize));
    }
}
