package org.ensemble.splitting;

/** What observers see after each round: active runs, restarts ordered, the lowest active level. */
public record AmsRound(int round, int activeRuns, int runs, long restarts, double lowestLevel) {
}
