package org.ensemble.splitting;

/**
 * What one AMS run estimated.
 *
 * @param p                 the estimate of P(reach B before A from the start)
 * @param cost              particle-steps simulated by the run
 * @param directSteps       mean steps of a plain trajectory from the start to A or B (the first n
 *                          replicas are exactly that), to price direct simulation
 * @param meanReactiveTime  mean time from the start to B of the trajectories that reached B
 */
public record AmsRunResult(int run, double beta, double p, int iterations, long cost, double directSteps,
                           double meanReactiveTime, boolean extinct) {
}
