package org.ensemble.splitting;

import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the trajectories that reached B at the end of an AMS run from their histories: each
 * piece is replayed with the same update and the same (seed, lineage, step) noise, so the states are
 * the ones the replicas had, bit for bit, without the runs having to keep every step.
 */
final class ReactiveTrajectories {
    private ReactiveTrajectories() {
    }

    static ReactiveTrajectory replay(ReplicaSimulator simulator, int run, double beta, int replica,
                                     TrajectorySegment head, long endStep, int d) {
        List<TrajectorySegment> chain = new ArrayList<>();
        for (TrajectorySegment s = head; s != null; s = s.parent()) {
            chain.add(0, s);
        }
        long first = chain.get(0).step0();
        double[] out = new double[Math.toIntExact((endStep - first + 1) * d)];
        System.arraycopy(chain.get(0).x0(), 0, out, 0, d);
        for (int i = 0; i < chain.size(); i++) {
            TrajectorySegment s = chain.get(i);
            long until = i + 1 < chain.size() ? chain.get(i + 1).step0() : endStep;
            simulator.trace(s.lineage(), beta, s.step0(), s.x0(), until, out, (int) ((s.step0() - first + 1) * d));
        }
        return new ReactiveTrajectory(run, beta, replica, first, d, out);
    }
}
