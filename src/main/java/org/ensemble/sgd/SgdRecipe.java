package org.ensemble.sgd;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.ensemble.scenario.SgdScenario;
import org.ensemble.scenario.SgdScenarioLoader;
import org.ensemble.step.ModelRecipe;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardRange;
import org.ensemble.step.WireMessage;

/**
 * How a shard builds its workers, as plain data: the resolved scenario, parsed in the shard's own
 * set-up (once per copy of the recipe), so a recipe shipped to another JVM builds the same workers.
 */
public record SgdRecipe(String scenario) implements ModelRecipe, WireMessage {
    private static final Map<SgdRecipe, SgdScenario> PARSED = Collections.synchronizedMap(new WeakHashMap<>());

    private SgdScenario parsed() {
        return PARSED.computeIfAbsent(this, r -> SgdScenarioLoader.loadString(scenario, "the run's resolved scenario",
                List.of()));
    }

    @Override
    public ShardModel build(ShardRange range) {
        SgdScenario s = parsed();
        return new WorkerShardModel((int) range.firstId(), range.size(), WorkerGradients.of(s.model(),
                s.settings()));
    }
}
