package org.ensemble.splitting;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.ensemble.population.BlockLayout;
import org.ensemble.step.Engine;
import org.ensemble.step.Granularity;
import org.ensemble.step.Observer;
import org.ensemble.step.ShardPlan;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepOutcome;

/**
 * Runs an {@link AmsSpec} on the step protocol: replicas (all runs' together) are members dealt to
 * shards in blocks; the coordinator runs {@link AmsRounds}. Not checkpointed: a stop ends the run
 * as interrupted, without estimates.
 */
public final class AmsPopulation {
    private AmsPopulation() {
    }

    /** How the engine run ended and, when it completed, every AMS run's estimate. */
    public record Outcome(StepOutcome engine, List<AmsRunResult> runs) {
        public boolean completed() {
            return engine.status() == org.ensemble.step.StepStatus.COMPLETED;
        }
    }

    public static Outcome run(AmsSpec spec, Observer<AmsRound> observer, BooleanSupplier stop) {
        List<ShardRange> ranges = ShardPlan.of(new BlockLayout(spec.members(), spec.blockSize()), spec.shards(),
                Granularity.BLOCK);
        AmsReducer reducer = new AmsReducer(spec, observer);
        StepOutcome o = Engine.run(new AmsRecipe(spec), ranges, reducer, ranges.size(), Engine.Dispatch.PARKING, stop);
        return new Outcome(o, o.status() == org.ensemble.step.StepStatus.COMPLETED ? reducer.results() : List.of());
    }
}
