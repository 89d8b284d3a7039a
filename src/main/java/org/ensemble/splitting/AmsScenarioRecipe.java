package org.ensemble.splitting;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.ensemble.scenario.SplittingScenarioLoader;
import org.ensemble.step.ModelRecipe;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardRange;
import org.ensemble.step.WireMessage;

/**
 * How a shard builds its replicas, as plain data: the resolved splitting scenario, parsed in the
 * shard's own set-up (once per copy of the recipe), with what a run changes in its spec — the replica
 * count of a replica study, the MFPT's start pools — so a recipe shipped to another JVM builds the same
 * replicas. ({@link AmsRecipe} carries a live spec, for computations without a scenario.)
 *
 * @param replicas   replicas per run (the scenario's, or a replica study's)
 * @param startPools per β, the points replicas start from, or null (see {@link AmsSpec})
 */
public record AmsScenarioRecipe(String scenario, int replicas, double[][] startPools) implements ModelRecipe,
        WireMessage {
    private static final Map<AmsScenarioRecipe, AmsSpec> PARSED = Collections.synchronizedMap(new WeakHashMap<>());

    /** The recipe of {@code spec}, a computation of the scenario whose resolved text is {@code scenario}. */
    public static AmsScenarioRecipe of(String scenario, AmsSpec spec) {
        return new AmsScenarioRecipe(scenario, spec.replicas(), spec.startPools());
    }

    AmsSpec spec() {
        return PARSED.computeIfAbsent(this, r -> {
            AmsSpec s = SplittingScenarioLoader.loadString(scenario, "the run's resolved scenario").ams()
                    .withReplicas(replicas);
            return startPools == null ? s : s.withStartPools(startPools);
        });
    }

    @Override
    public ShardModel build(ShardRange range) {
        return new AmsShardModel(spec(), range);
    }
}
