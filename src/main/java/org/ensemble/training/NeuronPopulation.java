package org.ensemble.training;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.ensemble.population.BlockLayout;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.Engine;
import org.ensemble.step.ResumePoint;
import org.ensemble.step.Granularity;
import org.ensemble.step.Observer;
import org.ensemble.step.ShardPlan;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepOutcome;

/** Runs a two-layer network's neurons as a population on the step protocol; the observer sees every report. */
public final class NeuronPopulation {
    /**
     * Block shards each keep one spinning thread ({@link Engine.Dispatch#PINNED}), as OpenMP's static
     * schedule does; {@code -Densemble.training.pinned=false} puts them back on the shared spinning
     * pool. A shard that changes cores probably finds its weights (1.6 MB at 10⁴ neurons, d = 40)
     * dirty in the other core's L2. Measured (a lightly loaded machine): clean steps (p10) ≈ 70 µs
     * shared against ≈ 60 µs pinned and ≈ 60 µs for the bench's raw threads, and the shared pool at
     * times ran the two shards one after the other on one thread (half speed).
     */
    private static final boolean PINNED = Boolean.parseBoolean(System.getProperty("ensemble.training.pinned",
            "true"));

    private NeuronPopulation() {
    }

    public static TrainingOutcome run(TrainingSpec spec, Observer<TrainingMeasure> observer) {
        return run(spec, observer, () -> false, CheckpointSink.NONE, null);
    }

    /**
     * Runs to the end, a stop request or a failure, writing checkpoints to {@code checkpoints} and,
     * unless {@code resume} is null, continuing from it.
     */
    public static TrainingOutcome run(TrainingSpec spec, Observer<TrainingMeasure> observer,
                                      BooleanSupplier stopRequested, CheckpointSink checkpoints, ResumePoint resume) {
        long width = spec.network().width();
        if (spec.granularity() == Granularity.MEMBER && width > 100_000) {
            throw new IllegalArgumentException("one actor per neuron is meant for small networks (≤ 1e5 neurons), got "
                    + width);
        }
        List<ShardRange> ranges = ShardPlan.of(new BlockLayout(width, spec.blockSize()), spec.shards(),
                spec.granularity());
        int threads = spec.granularity() == Granularity.MEMBER ? spec.shards() : ranges.size();
        NeuronReducer reducer = new NeuronReducer(spec, ranges, observer);
        Engine.Dispatch dispatch = PINNED && spec.granularity() == Granularity.BLOCK ? Engine.Dispatch.PINNED
                : Engine.Dispatch.SPINNING;
        StepOutcome o = Engine.run(new NeuronRecipe(spec.scenario()), ranges, reducer, threads, dispatch,
                stopRequested, checkpoints, resume);
        TrainingOutcome.Status status = switch (o.status()) {
            case COMPLETED, ALL_ABSORBED -> TrainingOutcome.Status.COMPLETED;
            case DIVERGED -> TrainingOutcome.Status.DIVERGED;
            case FAILED -> TrainingOutcome.Status.FAILED;
            case INTERRUPTED -> TrainingOutcome.Status.INTERRUPTED;
        };
        return new TrainingOutcome(status, o.steps(), o.message(), o.seconds());
    }
}
