package org.ensemble.step;

/**
 * What sees a run's measures, for every population kind (a Langevin {@code Measure}, a training
 * report): escape statistics, the PDE or reduced ODE beside, switching times, CSV writers, progress
 * and live metrics are observers. Called on the coordinator's thread, in step order; an observer
 * that throws stops the run with its message. Observers are folds over what they are shown: a
 * resumed run rebuilds them by showing them the checkpoint's records again.
 *
 * @param <M> the kind's measure
 */
@FunctionalInterface
public interface Observer<M> {
    /** {@link #nextNeed} of an observer that takes the measures as they come. */
    long NEVER = Long.MAX_VALUE;

    /** Before the first measure (of a resumed run: before the replay). */
    default void init() {
    }

    void observe(M measure);

    /**
     * The first step ≥ {@code step} at which this observer needs a full measure (a report); the
     * engine advances in bulk up to the earliest need of all observers and the scenario's reports.
     */
    default long nextNeed(long step) {
        return NEVER;
    }

    /** After the last measure, however the run ended. */
    default void finish() {
    }
}
