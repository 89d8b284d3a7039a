package org.ensemble.gnn;

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
 * A GNN forward pass as a population: graph nodes are the members, one order per layer. On the
 * engine (shard actors own node blocks, or one actor per node with granularity member) or in
 * process (the same shard models and reducer in a loop). Every way gives the same bytes as
 * {@link LayerStack#forward}: each node's row is computed by the same code from the same field.
 */
public final class GnnPopulation {
    private GnnPopulation() {
    }

    public static StepOutcome run(GnnRecipe recipe, double[] input, Observer<LayerEmbeddings> observer, int shards,
                                  Granularity granularity, BooleanSupplier stop) {
        List<ShardRange> ranges = ranges(recipe, shards, granularity);
        GnnRecipe planned = recipe.forPlan(ranges);
        return Engine.run(planned, ranges, new GnnReducer(planned, input, observer), Math.min(ranges.size(),
                Math.max(1, Runtime.getRuntime().availableProcessors())), Engine.Dispatch.SPINNING, stop);
    }

    public static StepOutcome runInProcess(GnnRecipe recipe, double[] input, Observer<LayerEmbeddings> observer,
                                           int shards, Granularity granularity, BooleanSupplier stop) {
        long t0 = System.nanoTime();
        List<ShardModel> models = new ArrayList<>();
        List<ShardRange> ranges = ranges(recipe, shards, granularity);
        GnnRecipe planned = recipe.forPlan(ranges);
        for (ShardRange r : ranges) {
            models.add(planned.build(r));
        }
        GnnReducer reducer = new GnnReducer(planned, input, observer);
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

    static List<ShardRange> ranges(GnnRecipe recipe, int shards, Granularity granularity) {
        return ShardPlan.of(new BlockLayout(recipe.graph().nodes(), recipe.blockSize()), shards, granularity);
    }
}
