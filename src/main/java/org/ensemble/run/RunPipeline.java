package org.ensemble.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.ensemble.checkpoint.Checkpoint;
import org.ensemble.checkpoint.CheckpointIdentity;
import org.ensemble.checkpoint.CheckpointWriter;
import org.ensemble.checkpoint.ObservedLog;
import org.ensemble.output.RunDirectory;
import org.ensemble.scenario.PopulationScenario;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.Observer;
import org.ensemble.step.Observers;
import org.ensemble.step.ResumePoint;

/**
 * The one run pipeline, for every population kind: the run directory (staged, or reopened to
 * resume), the resolved {@code scenario.conf}, checkpoints and the observed log, the replay of a
 * checkpoint's records into fresh observers, keeping or discarding the checkpoint by how the run
 * ended, the commit, and the line that says how to resume. A kind contributes its observers, its
 * engine run, its result files (summary.json, run.json, tables, plots) and its console report
 * through {@link KindRun}; {@link EscapeRun} and {@link TrainingRun} are the two kinds today.
 */
final class RunPipeline {
    private RunPipeline() {
    }

    /**
     * A kind's side of one run, called in this order: {@link #open}, {@link #replay} of each
     * checkpointed record, {@link #run} (each measure to the observers, then {@link #logged} to the
     * log), (observers closed), {@link #results}, (commit), {@link #report}.
     *
     * @param <M> what the observers are shown
     * @param <R> what the observed log records of it (what the outputs are made of)
     * @param <O> the engine's outcome
     */
    interface KindRun<M, R, O> {
        /** What a checkpoint must match to be resumed by this run. */
        CheckpointIdentity identity();

        /** The scenario (its resolved text is written as {@code scenario.conf}; its checkpoint interval). */
        PopulationScenario scenario();

        /** Simulated (or mean-field) time per step: dt, or the learning rate ε. */
        double stepTime();

        Class<R> observedType();

        /** Opens the observers (their files in {@code dir}) and how to end them. */
        Opened<M> open(RunDirectory dir);

        /** What the log records of a measure once the observers have seen it, or null for none. */
        R logged(M measure);

        /** Shows the fresh observers a logged record again (a resumed run rebuilding their state). */
        void replay(R record);

        /** Runs the engine with {@code observer} (the kind's observers and the log). */
        O run(Observer<M> observer, CheckpointSink checkpoints, ResumePoint resume);

        /** Whether a run that ended so keeps its checkpoint (stopped or failed, not finished). */
        boolean resumable(O outcome);

        /** The result files, after the observers are closed. */
        void results(RunDirectory dir, O outcome, double wallSeconds);

        /** The console report, once the directory is final at {@code shown}. */
        void report(O outcome, Path shown, double wallSeconds);
    }

    /** Ends a kind's observers (flushes and closes their files, the progress line). */
    interface Closer extends AutoCloseable {
        @Override
        void close();
    }

    /** A kind's observers, as one, and what closes their files once they have finished. */
    record Opened<M>(Observer<M> observers, Closer closer) {
    }

    /** How a run ended and where its directory is. */
    record Done<O>(O outcome, Path directory) {
    }

    /**
     * Runs {@code kind} into {@code out}, continuing from {@code resume} (the checkpoint of
     * {@code out}) unless it is null; {@code shownAs}, when not null, is where the user is told the
     * outputs are.
     */
    static <M, R, O> Done<O> execute(KindRun<M, R, O> kind, Path out, Checkpoint resume, Path shownAs,
                                               PrintStream console) {
        CheckpointIdentity id = kind.identity();
        List<R> replay = List.of();
        if (resume != null) {
            resume.requireMatches(id);
            replay = resume.observed(kind.observedType()); // before reopening moves the directory
        }
        try (RunDirectory dir = resume != null ? RunDirectory.reopen(out) : RunDirectory.create(out)) {
            EscapeRun.write(dir.file("scenario.conf"), kind.scenario().render());
            double every = kind.scenario().checkpointEvery();
            long everySteps = every > 0 ? Math.max(1, (long) Math.ceil(every / kind.stepTime() - 1e-9)) : 0;
            java.util.function.LongToDoubleFunction time = k -> k * kind.stepTime();
            long t0 = System.nanoTime();
            O outcome;
            boolean keep;
            try (CheckpointWriter checkpoints = resume != null
                    ? CheckpointWriter.continuing(dir.staging(), id, everySteps, time, resume)
                    : CheckpointWriter.start(dir.staging(), id, everySteps, time)) {
                Opened<M> opened = kind.open(dir);
                try (Closer files = opened.closer()) {
                    Observer<M> observers = opened.observers();
                    observers.init();
                    replay.forEach(kind::replay); // observers are folds over what they are shown: this rebuilds them
                    ObservedLog log = checkpoints.log();
                    Observer<M> logged = Observers.of(observers, m -> {
                        R r = kind.logged(m);
                        if (r != null) {
                            log.append(r);
                        }
                    });
                    try {
                        outcome = kind.run(logged, checkpoints, resume == null ? null : resume.point());
                    } finally {
                        observers.finish();
                    }
                }
                keep = kind.resumable(outcome) && (checkpoints.written() > 0 || resume != null);
                if (!keep) {
                    checkpoints.discard();
                }
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            kind.results(dir, outcome, wall);
            Path committed = dir.commit();
            Path shown = shownAs != null ? shownAs : committed;
            kind.report(outcome, shown, wall);
            if (keep) {
                console.println("  resume with: ensemble resume " + shown);
            }
            return new Done<>(outcome, committed);
        } catch (RuntimeException e) {
            throw RunFailedException.withResumeHint(e, out);
        }
    }
}
