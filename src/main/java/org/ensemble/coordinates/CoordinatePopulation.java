package org.ensemble.coordinates;

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
 * Runs a coordinate model: on the engine (one shard actor per block range, the spinning dispatcher:
 * one round trip per step), or in process — the same shard models and reducer called in a loop on
 * this thread, which is what the engine does minus the messages (for tests and the studies' many
 * short runs; the two give identical bytes, tested).
 */
public final class CoordinatePopulation {
    private CoordinatePopulation() {
    }

    public static StepOutcome run(CoordinateSpec spec, Observer<CoordinateReport> observer, int shards,
                                  BooleanSupplier stopRequested) {
        List<ShardRange> ranges = ranges(spec, shards);
        return Engine.run(spec.recipe(), ranges, new CoordinateReducer(spec, observer), ranges.size(),
                Engine.Dispatch.SPINNING, stopRequested);
    }

    public static StepOutcome runInProcess(CoordinateSpec spec, Observer<CoordinateReport> observer, int shards,
                                           BooleanSupplier stopRequested) {
        long t0 = System.nanoTime();
        List<ShardModel> models = new ArrayList<>();
        for (ShardRange r : ranges(spec, shards)) {
            models.add(spec.recipe().build(r));
        }
        CoordinateReducer reducer = new CoordinateReducer(spec, observer);
        StepOrder order = reducer.first();
        long[] nanos = new long[models.size()];
        while (true) {
            if (stopRequested.getAsBoolean()) {
                return new StepOutcome(StepStatus.INTERRUPTED, reducer.step(), "stopped", seconds(t0));
            }
            List<Partial> partials = new ArrayList<>(models.size());
            for (ShardModel m : models) {
                partials.add(m.phase(order));
            }
            Decision d = reducer.reduce(partials, nanos);
            if (d instanceof Decision.Finish f) {
                return new StepOutcome(f.status(), reducer.step(), f.message(), seconds(t0));
            }
            order = ((Decision.Next) d).order();
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static List<ShardRange> ranges(CoordinateSpec spec, int shards) {
        return ShardPlan.of(new BlockLayout(spec.recipe().d(), spec.recipe().blockSize()), shards, Granularity.BLOCK);
    }
}
