package org.ensemble.sgd;

/**
 * One point of the staleness study: delay τ (M = τ + 1 workers, ASP, fixed compute times), step η,
 * ηλ, the measured growth rate per version ({@link StabilityProbe}), the version at which the run
 * diverged (0 if it did not) and the exact boundary of ηλ for this τ.
 */
public record StabilityPoint(int tau, double lr, double lrLambda, double growthRate, long divergedAt,
                             double exactBoundary) {
    public boolean grows() {
        return growthRate > 0;
    }
}
