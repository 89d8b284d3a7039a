package org.ensemble.graphdynamics;

/**
 * One line of a graph-dynamics study's observed log: a {@link NodeMeasure} its observers were shown,
 * and the leg (engine run of the study) it belongs to. Replaying these lines into fresh observers
 * rebuilds a stopped study's tables exactly.
 */
public record LoggedMeasure(int leg, long step, double time, double r, double psi, double mean, double variance,
                            double[] states) {
    static LoggedMeasure of(int leg, NodeMeasure m) {
        return new LoggedMeasure(leg, m.step(), m.time(), m.r(), m.psi(), m.mean(), m.variance(), m.states());
    }

    NodeMeasure measure() {
        return new NodeMeasure(step, time, r, psi, mean, variance, states);
    }
}
