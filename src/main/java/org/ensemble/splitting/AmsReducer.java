package org.ensemble.splitting;

import java.util.List;
import org.ensemble.step.Decision;
import org.ensemble.step.Observer;
import org.ensemble.step.Partial;
import org.ensemble.step.Reducer;
import org.ensemble.step.StepOrder;
import org.ensemble.step.StepStatus;

/**
 * AMS on the step protocol: each phase's trajectories (shard order = member order) go to
 * {@link AmsRounds}, whose restarts become the next order's field; the run completes when every
 * AMS run has ended. One order per iteration round; a checkpoint holds the coordinator's whole state
 * ({@link AmsCheckpoint}).
 */
final class AmsReducer implements Reducer {
    private final AmsSpec spec;
    private final AmsRounds rounds;
    private final Observer<AmsRound> observer;
    private long step;
    /** The order just decided (what a checkpoint at this barrier must hold). */
    private StepOrder pending;

    AmsReducer(AmsSpec spec, Observer<AmsRound> observer) {
        this.spec = spec;
        this.rounds = new AmsRounds(spec);
        this.observer = observer;
    }

    @Override
    public StepOrder first() {
        return new StepOrder(0, 1, null, false);
    }

    @Override
    public Decision reduce(List<Partial> partials, long[] computeNanos) {
        step++;
        for (Partial p : partials) {
            rounds.absorb(((ReplicaPaths) p).paths());
        }
        List<ReplicaStart> starts = rounds.next();
        observer.observe(rounds.progress(starts.size()));
        if (starts.isEmpty()) {
            return Decision.finish(StepStatus.COMPLETED, AmsPopulation.COMPLETED);
        }
        pending = new StepOrder(step, 1, ReplicaStart.encode(starts, spec.dimension()), false);
        return Decision.next(pending);
    }

    @Override
    public List<org.ensemble.step.StateArray> checkpoint() {
        return rounds.checkpoint(step, pending);
    }

    @Override
    public StepOrder resume(List<org.ensemble.step.StateArray> state) {
        step = rounds.resume(state);
        pending = StepOrder.fromState(state);
        return pending;
    }

    @Override
    public long step() {
        return step;
    }

    List<ReactiveTrajectory> reactive(int perBeta) {
        return rounds.reactive(perBeta);
    }

    List<AmsRunResult> results() {
        return rounds.results();
    }
}
