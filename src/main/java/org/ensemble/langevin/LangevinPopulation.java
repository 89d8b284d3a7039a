package org.ensemble.langevin;

import org.ensemble.step.CheckpointSink;
import org.ensemble.step.Engine;
import org.ensemble.step.ResumePoint;
import org.ensemble.step.Granularity;
import org.ensemble.step.Observer;
import org.ensemble.step.PhaseTimings;
import org.ensemble.step.ShardPlan;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ensemble.step.ShardRange;

/** Runs Langevin particles on the step protocol; the observer sees every measure on the coordinator thread. */
public final class LangevinPopulation {
    private LangevinPopulation() {
    }

    public static RunOutcome run(LangevinSpec spec, Observer<Measure> observer) {
        return run(spec, observer, PhaseTimings.NONE, () -> false, CheckpointSink.NONE, null);
    }

    /**
     * Runs to the end, a stop request or a failure; {@code timings} get the compute times, checkpoints
     * go to {@code checkpoints}, and unless {@code resume} is null the run continues from it.
     */
    public static RunOutcome run(LangevinSpec spec, Observer<Measure> observer, PhaseTimings timings,
                                 BooleanSupplier stopRequested, CheckpointSink checkpoints, ResumePoint resume) {
        LangevinRecipe recipe = LangevinRecipe.of(spec);
        List<ShardRange> ranges = ShardPlan.of(spec.layout(), spec.shards(), spec.granularity());
        int threads = spec.granularity() == Granularity.MEMBER ? Math.max(1, spec.shards()) : ranges.size();
        LangevinReducer reducer = new LangevinReducer(spec.plan(), spec.observation(), spec.layout(), observer,
                timings);
        StepOutcome o = Engine.run(recipe, ranges, reducer, threads, Engine.Dispatch.PARKING, stopRequested,
                checkpoints, resume);
        return new RunOutcome(status(o.status()), o.steps(), reducer.last(), o.message(), o.seconds());
    }

    private static RunOutcome.Status status(StepStatus s) {
        return switch (s) {
            case COMPLETED -> RunOutcome.Status.COMPLETED;
            case ALL_ABSORBED -> RunOutcome.Status.ALL_ABSORBED;
            case DIVERGED -> RunOutcome.Status.DIVERGED;
            case FAILED -> RunOutcome.Status.FAILED;
            case INTERRUPTED -> RunOutcome.Status.INTERRUPTED;
        };
    }
}
