package org.ensemble.splitting;

import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's numerics for all the independent runs of an {@link AmsSpec} at once: takes the
 * shards' trajectories (in member order), then asks every unfinished run for its next iteration's
 * restarts. Runs advance in lockstep, one iteration per round, so shards stay busy with many runs'
 * restarts; each run's numbers depend only on (seed, run).
 */
final class AmsRounds {
    private final AmsSpec spec;
    private final AmsRun[] runs;
    private int round;

    AmsRounds(AmsSpec spec) {
        this.spec = spec;
        this.runs = new AmsRun[spec.runs()];
        for (int r = 0; r < runs.length; r++) {
            runs[r] = new AmsRun(r, spec.replicas(), spec.kill(), spec.b(), spec.seed(), spec.dimension());
        }
    }

    void absorb(List<ReplicaPath> paths) {
        for (ReplicaPath p : paths) {
            int r = (int) (p.member() / spec.replicas());
            runs[r].accept((int) (p.member() % spec.replicas()), p);
        }
    }

    /** The next round's restarts over all runs (run order), or empty when every run has ended. */
    List<ReplicaStart> next() {
        List<ReplicaStart> out = new ArrayList<>();
        for (AmsRun r : runs) {
            out.addAll(r.iterate());
        }
        round++;
        return out;
    }

    /** The checkpoint arrays of every run, the reducer's {@code step} and the order about to be broadcast. */
    List<org.ensemble.step.StateArray> checkpoint(long step, org.ensemble.step.StepOrder pending) {
        return AmsCheckpoint.encode(runs, step, pending);
    }

    /** Restores {@link #checkpoint}'s runs; returns the step. */
    long resume(List<org.ensemble.step.StateArray> state) {
        return AmsCheckpoint.decode(state, runs, spec.dimension());
    }

    AmsRound progress(long restarts) {
        int active = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (AmsRun r : runs) {
            if (!r.finished()) {
                active++;
                lowest = Math.min(lowest, r.lowestLevel());
            }
        }
        return new AmsRound(round, active, runs.length, restarts, lowest);
    }

    /** Up to {@code perBeta} trajectories that reached B at each β, from its runs in order. */
    List<ReactiveTrajectory> reactive(int perBeta) {
        List<ReactiveTrajectory> out = new ArrayList<>();
        if (perBeta <= 0) {
            return out;
        }
        ReplicaSimulator simulator = new ReplicaSimulator(spec);
        for (int i = 0; i < spec.betas().length; i++) {
            int taken = 0;
            for (int r = i * spec.runsPerBeta(); r < (i + 1) * spec.runsPerBeta() && taken < perBeta; r++) {
                List<ReactiveTrajectory> t = runs[r].reactive(simulator, spec.betaOfRun(r), perBeta - taken,
                        spec.dimension());
                taken += t.size();
                out.addAll(t);
            }
        }
        return out;
    }

    List<AmsRunResult> results() {
        List<AmsRunResult> out = new ArrayList<>();
        for (int r = 0; r < runs.length; r++) {
            out.add(runs[r].result(spec.betaOfRun(r), spec.dt()));
        }
        return out;
    }
}
