package org.ensemble.langevin;

/**
 * How a run is sequenced.
 *
 * @param totalSteps  steps to simulate
 * @param reportEvery steps between full measures (the observers' cadence)
 * @param dt          time step, to turn steps into simulated time
 * @param interacting whether particles need the broadcast mean every step
 */
public record RunPlan(long totalSteps, long reportEvery, double dt, boolean interacting) {
    public RunPlan {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("a run needs at least one step, got " + totalSteps);
        }
        if (reportEvery < 1) {
            throw new IllegalArgumentException("report interval must be ≥ 1 step, got " + reportEvery);
        }
    }

    /** Steps in the next phase starting after {@code step}. */
    public int nextChunk(long step) {
        if (interacting) {
            return 1;
        }
        long toReport = reportEvery - (step % reportEvery);
        long chunk = Math.min(toReport, totalSteps - step);
        return (int) Math.min(chunk, Integer.MAX_VALUE);
    }

    /** Whether the measure after {@code step} is a full report. */
    public boolean reportsAt(long step) {
        return step % reportEvery == 0 || step == totalSteps;
    }
}
