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

    /** The first report step ≥ {@code step}: a multiple of {@code reportEvery}, or the last step. */
    public long nextReport(long step) {
        long k = (step + reportEvery - 1) / reportEvery * reportEvery;
        return Math.min(k, totalSteps);
    }
}
