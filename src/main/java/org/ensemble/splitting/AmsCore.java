package org.ensemble.splitting;

import java.util.List;
import org.ensemble.step.Granularity;
import org.ensemble.step.Observer;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepOrder;

/**
 * AMS without actors: one model over every replica and the same coordinator numerics as
 * {@link AmsPopulation}, so both give the same bytes. For tests and small computations.
 */
public final class AmsCore {
    private AmsCore() {
    }

    public static List<AmsRunResult> run(AmsSpec spec) {
        return run(spec, m -> { });
    }

    public static List<AmsRunResult> run(AmsSpec spec, Observer<AmsRound> observer) {
        return rounds(spec, observer).results();
    }

    /** Up to {@code perBeta} trajectories that reached B at each β, replayed (as {@link AmsPopulation} gives them). */
    public static List<ReactiveTrajectory> reactive(AmsSpec spec, int perBeta) {
        return rounds(spec, m -> { }).reactive(perBeta);
    }

    private static AmsRounds rounds(AmsSpec spec, Observer<AmsRound> observer) {
        int members = Math.toIntExact(spec.members());
        AmsShardModel model = new AmsShardModel(spec, new ShardRange(0, 0, members, 0, 1, Granularity.BLOCK));
        AmsRounds rounds = new AmsRounds(spec);
        StepOrder order = new StepOrder(0, 1, null, false);
        long step = 0;
        while (true) {
            rounds.absorb(((ReplicaPaths) model.phase(order)).paths());
            List<ReplicaStart> starts = rounds.next();
            observer.observe(rounds.progress(starts.size()));
            if (starts.isEmpty()) {
                return rounds;
            }
            order = new StepOrder(++step, 1, ReplicaStart.encode(starts, spec.dimension()), false);
        }
    }
}
