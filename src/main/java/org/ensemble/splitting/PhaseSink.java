package org.ensemble.splitting;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.ResumePoint;
import org.ensemble.step.StateArray;

/**
 * One phase of a splitting run writing to the run's checkpoint sink: the phase counts its steps
 * from 0, the run's checkpoints from {@code offset} on (so they keep increasing across phases and
 * {@code checkpoint.every} counts the run's steps), and each checkpoint carries the finished phases
 * ({@link SplittingCheckpoint#encode(SplittingCheckpoint.Finished)}) beside the phase's own arrays.
 */
public final class PhaseSink implements CheckpointSink {
    private final CheckpointSink run;
    private final SplittingCheckpoint.Finished finished;
    private final List<StateArray> finishedArrays;

    public PhaseSink(CheckpointSink run, SplittingCheckpoint.Finished finished) {
        this.run = run;
        this.finished = finished;
        this.finishedArrays = SplittingCheckpoint.encode(finished);
    }

    @Override
    public boolean enabled() {
        return run.enabled();
    }

    @Override
    public boolean due(long step) {
        return run.due(finished.offset() + step);
    }

    @Override
    public void write(long step, List<StateArray> reducer, List<List<StateArray>> shards) {
        List<StateArray> all = new ArrayList<>(finishedArrays);
        all.addAll(reducer);
        run.write(finished.offset() + step, all, shards);
    }

    /** The run's resume point as this phase's: its own step count and arrays. */
    public ResumePoint local(ResumePoint p) {
        return new ResumePoint(p.step() - finished.offset(), SplittingCheckpoint.phase(p.reducer()), p.members());
    }

    /**
     * The barrier of a plain-Java phase: after each step, a checkpoint when one is due or a stop is
     * asked for (the phase's state by {@code encode}), and a stop when asked for.
     */
    public <S> StepBarrier<S> barrier(BooleanSupplier stop, Function<S, List<StateArray>> encode) {
        return (steps, state) -> {
            boolean stopping = stop.getAsBoolean();
            if (stopping && enabled() || due(steps)) {
                write(steps, encode.apply(state.get()), List.of(List.of()));
            }
            return stopping;
        };
    }
}
