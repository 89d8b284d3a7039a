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
 * shards in blocks; the coordinator runs {@link AmsRounds}. Checkpoints hold the coordinator's state
 * ({@link AmsCheckpoint}); a stopped run resumes to the same bytes.
 */
public final class AmsPopulation {
    /** The message of a completed AMS computation. */
    public static final String COMPLETED = "every AMS run ended";

    private AmsPopulation() {
    }

    /**
     * How the engine run ended and, when it completed, every AMS run's estimate and the reactive
     * trajectories asked for.
     */
    public record Outcome(StepOutcome engine, List<AmsRunResult> runs, List<ReactiveTrajectory> reactive) {
        public Outcome(StepOutcome engine, List<AmsRunResult> runs) {
            this(engine, runs, List.of());
        }

        public boolean completed() {
            return engine.status() == org.ensemble.step.StepStatus.COMPLETED;
        }
    }

    public static Outcome run(AmsSpec spec, Observer<AmsRound> observer, BooleanSupplier stop) {
        return run(spec, observer, stop, 0);
    }

    /** As above, also replaying up to {@code reactivePerBeta} trajectories that reached B at each β. */
    public static Outcome run(AmsSpec spec, Observer<AmsRound> observer, BooleanSupplier stop, int reactivePerBeta) {
        return run(spec, observer, stop, reactivePerBeta, org.ensemble.step.CheckpointSink.NONE, null);
    }

    /** As above, writing checkpoints to {@code checkpoints} and, unless {@code resume} is null, continuing from one. */
    public static Outcome run(AmsSpec spec, Observer<AmsRound> observer, BooleanSupplier stop, int reactivePerBeta,
                              org.ensemble.step.CheckpointSink checkpoints, org.ensemble.step.ResumePoint resume) {
        return run(spec, new AmsRecipe(spec), observer, stop, reactivePerBeta, checkpoints, resume);
    }

    /** As above, the shards building their replicas from {@code recipe} (e.g. an {@link AmsScenarioRecipe} of spec). */
    public static Outcome run(AmsSpec spec, org.ensemble.step.ModelRecipe recipe, Observer<AmsRound> observer,
                              BooleanSupplier stop, int reactivePerBeta, org.ensemble.step.CheckpointSink checkpoints,
                              org.ensemble.step.ResumePoint resume) {
        List<ShardRange> ranges = ShardPlan.of(new BlockLayout(spec.members(), spec.blockSize()), spec.shards(),
                Granularity.BLOCK);
        AmsReducer reducer = new AmsReducer(spec, observer);
        StepOutcome o = Engine.run(recipe, ranges, reducer, ranges.size(), Engine.Dispatch.PARKING, stop,
                checkpoints, resume);
        boolean done = o.status() == org.ensemble.step.StepStatus.COMPLETED;
        return new Outcome(o, done ? reducer.results() : List.of(), done ? reducer.reactive(reactivePerBeta)
                : List.of());
    }
}
