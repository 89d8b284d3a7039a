package org.ensemble.graphdynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ensemble.population.BlockLayout;
import org.ensemble.step.Decision;
import org.ensemble.step.Engine;
import org.ensemble.step.Granularity;
import org.ensemble.step.Partial;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardPlan;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepOrder;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;

/**
 * Runs graph dynamics: on the engine (one shard actor per block range or per node, the spinning
 * dispatcher: one round trip per step), or in process — the same shard models and reducer in a
 * loop on this thread (tests and short study runs; identical bytes, tested).
 */
public final class NodePopulation {
    private NodePopulation() {
    }

    /** The shard plan: contiguous block ranges, or one shard per node. */
    public static List<ShardRange> ranges(int nodes, int blockSize, int shards, Granularity granularity) {
        return ShardPlan.of(new BlockLayout(nodes, blockSize), shards, granularity);
    }

    public static StepOutcome run(NodeRecipe recipe, List<ShardRange> ranges, NodeReducer reducer,
                                  BooleanSupplier stopRequested) {
        int threads = Math.max(1, Math.min(ranges.size(), Runtime.getRuntime().availableProcessors()));
        return Engine.run(recipe, ranges, reducer, threads, Engine.Dispatch.SPINNING, stopRequested);
    }

    public static StepOutcome runInProcess(NodeRecipe recipe, List<ShardRange> ranges, NodeReducer reducer,
                                           BooleanSupplier stopRequested) {
        long t0 = System.nanoTime();
        List<ShardModel> models = new ArrayList<>();
        for (ShardRange r : ranges) {
            models.add(recipe.build(r));
        }
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
}
