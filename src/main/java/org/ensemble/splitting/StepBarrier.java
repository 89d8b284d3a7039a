package org.ensemble.splitting;

import java.util.function.Supplier;

/**
 * What a plain-Java phase of a splitting run (the direct run before the MFPT's AMS, forward flux
 * sampling) is asked between its steps (a particle, an FFS run): whether to stop there. It may take
 * a checkpoint first; {@code state} builds what one keeps only when asked, so a barrier that writes
 * nothing costs nothing.
 *
 * @param <S> the phase's state between steps
 */
@FunctionalInterface
public interface StepBarrier<S> {
    /** Never stops, never checkpoints. */
    static <S> StepBarrier<S> none() {
        return (steps, state) -> false;
    }

    /** After {@code steps} steps of the phase: true to stop there (the phase then returns nothing). */
    boolean stopAfter(long steps, Supplier<S> state);
}
