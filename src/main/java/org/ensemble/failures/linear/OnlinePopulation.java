package org.ensemble.failures.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ensemble.population.BlockLayout;
import org.ensemble.step.Decision;
import org.ensemble.step.Engine;
import org.ensemble.step.Granularity;
import org.ensemble.step.Observer;
import org.ensemble.step.Partial;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardPlan;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepOrder;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;

/**
 * Runs an online model: on the engine (one shard actor per block range, spinning dispatcher), or in
 * process — the same shard models and reducer called in a loop on this thread (identical bytes,
 * tested; for the studies' many short runs).
 */
public final class OnlinePopulation {
    private OnlinePopulation() {
    }

    public static StepOutcome run(OnlineSpec spec, Observer<OnlineReport> observer, int shards, BooleanSupplier stop) {
        List<ShardRange> ranges = ranges(spec, shards);
        return Engine.run(spec.recipe(), ranges, new OnlineReducer(spec, observer), ranges.size(),
                Engine.Dispatch.SPINNING, stop);
    }

    public static StepOutcome runInProcess(OnlineSpec spec, Observer<OnlineReport> observer, int shards,
                                           BooleanSupplier stop) {
        long t0 = System.nanoTime();
        List<ShardModel> models = new ArrayList<>();
        for (ShardRange r : ranges(spec, shards)) {
            models.add(spec.recipe().build(r));
        }
        OnlineReducer reducer = new OnlineReducer(spec, observer);
        StepOrder order = reducer.first();
        long[] nanos = new long[models.size()];
        while (true) {
            if (stop.getAsBoolean()) {
                return new StepOutcome(StepStatus.INTERRUPTED, reducer.step(), "stopped", (System.nanoTime() - t0) / 1e9);
            }
            List<Partial> partials = new ArrayList<>(models.size());
            for (ShardModel m : models) {
                partials.add(m.phase(order));
            }
            Decision d = reducer.reduce(partials, nanos);
            if (d instanceof Decision.Finish f) {
                return new StepOutcome(f.status(), reducer.step(), f.message(), (System.nanoTime() - t0) / 1e9);
            }
            order = ((Decision.Next) d).order();
        }
    }

    static List<ShardRange> ranges(OnlineSpec spec, int shards) {
        return ShardPlan.of(new BlockLayout(spec.recipe().members(), spec.recipe().blockSize()), shards,
                Granularity.BLOCK);
    }
}
