package org.ensemble.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.ensemble.checkpoint.Checkpoint;
import org.ensemble.checkpoint.CheckpointIdentity;
import org.ensemble.checkpoint.CheckpointWriter;
import org.ensemble.checkpoint.ObservedLog;
import org.ensemble.output.RunDirectory;
import org.ensemble.step.CheckpointSink;
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
     * A kind's side of one run, called in this order: {@link #open}, {@link #replay} for each
     * checkpointed record, {@link #run}, (observers closed), {@link #results}, (commit),
     * {@link #report}.
     *
     * @param <R> what the observers are shown (and the observed log records)
     * @param <O> the engine's outcome
     */
    interface KindRun<R, O> {
        /** What a checkpoint must match to be resumed by this run. */
        CheckpointIdentity identity();

        /** The resolved scenario, written as {@code scenario.conf}. */
        String resolvedScenario();

        /** Steps between periodic checkpoints (0: only when stopped). */
        long checkpointEverySteps();

        /** The time of a step, for the checkpoint manifest. */
        double time(long step);

        Class<R> observedType();

        /** Opens the observers (their files in {@code dir}); the returned closer ends them. */
        Closer open(RunDirectory dir);

        /** Shows a checkpointed record to the fresh observers (rebuilding their state). */
        void replay(R record);

        /** Runs the engine; observers log what they are shown into {@code log}. */
        O run(ObservedLog log, CheckpointSink checkpoints, ResumePoint resume);

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

    /** How a run ended and where its directory is. */
    record Done<O>(O outcome, Path directory) {
    }

    /**
     * Runs {@code kind} into {@code out}, continuing from {@code resume} (the checkpoint of
     * {@code out}) unless it is null; {@code shownAs}, when not null, is where the user is told the
     * outputs are.
     */
    static <R, O> Done<O> execute(KindRun<R, O> kind, Path out, Checkpoint resume, Path shownAs, PrintStream console) {
        CheckpointIdentity id = kind.identity();
        List<R> replay = List.of();
        if (resume != null) {
            resume.requireMatches(id);
            replay = resume.observed(kind.observedType()); // before reopening moves the directory
        }
        try (RunDirectory dir = resume != null ? RunDirectory.reopen(out) : RunDirectory.create(out)) {
            EscapeRun.write(dir.file("scenario.conf"), kind.resolvedScenario());
            long t0 = System.nanoTime();
            O outcome;
            boolean keep;
            try (CheckpointWriter checkpoints = resume != null
                    ? CheckpointWriter.continuing(dir.staging(), id, kind.checkpointEverySteps(), kind::time, resume)
                    : CheckpointWriter.start(dir.staging(), id, kind.checkpointEverySteps(), kind::time);
                 Closer observers = kind.open(dir)) {
                replay.forEach(kind::replay); // observers are folds over what they are shown: this rebuilds them
                outcome = kind.run(checkpoints.log(), checkpoints, resume == null ? null : resume.point());
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
