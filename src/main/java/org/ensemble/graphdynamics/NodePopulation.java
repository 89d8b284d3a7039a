package org.ensemble.graphdynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ensemble.population.BlockLayout;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.Decision;
import org.ensemble.step.Engine;
import org.ensemble.step.Granularity;
import org.ensemble.step.Partial;
import org.ensemble.step.ResumePoint;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardPlan;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StateArray;
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
        return run(recipe, ranges, reducer, stopRequested, CheckpointSink.NONE, null);
    }

    /** As above, writing checkpoints to {@code checkpoints} and, unless {@code resume} is null, continuing from one. */
    public static StepOutcome run(NodeRecipe recipe, List<ShardRange> ranges, NodeReducer reducer,
                                  BooleanSupplier stopRequested, CheckpointSink checkpoints, ResumePoint resume) {
        int threads = Math.max(1, Math.min(ranges.size(), Runtime.getRuntime().availableProcessors()));
        return Engine.run(recipe, ranges, reducer, threads, Engine.Dispatch.SPINNING, stopRequested, checkpoints,
                resume);
    }

    public static StepOutcome runInProcess(NodeRecipe recipe, List<ShardRange> ranges, NodeReducer reducer,
                                           BooleanSupplier stopRequested) {
        return runInProcess(recipe, ranges, reducer, stopRequested, CheckpointSink.NONE, null);
    }

    /**
     * As above with checkpoints, as the engine's coordinator takes them: at the barrier after a
     * reduce, when due or when a stop is asked (then the run ends, interrupted, after writing one).
     */
    public static StepOutcome runInProcess(NodeRecipe recipe, List<ShardRange> ranges, NodeReducer reducer,
                                           BooleanSupplier stopRequested, CheckpointSink checkpoints,
                                           ResumePoint resume) {
        List<ShardModel> models = new ArrayList<>();
        try {
            for (ShardRange r : ranges) {
                models.add(recipe.build(r));
            }
            return loop(models, ranges, reducer, stopRequested, checkpoints, resume);
        } finally {
            models.forEach(ShardModel::close);
        }
    }

    private static StepOutcome loop(List<ShardModel> models, List<ShardRange> ranges, NodeReducer reducer,
                                    BooleanSupplier stopRequested, CheckpointSink checkpoints, ResumePoint resume) {
        long t0 = System.nanoTime();
        StepOrder order;
        try {
            if (resume == null) {
                order = reducer.first();
            } else {
                for (int k = 0; k < models.size(); k++) {
                    models.get(k).restore(resume.rowsOf(ranges.get(k)), resume.step());
                }
                order = reducer.resume(resume.reducer());
            }
        } catch (RuntimeException e) {
            return new StepOutcome(StepStatus.FAILED, reducer.step(), e.getMessage(), seconds(t0));
        }
        long[] nanos = new long[models.size()];
        while (true) {
            List<Partial> partials = new ArrayList<>(models.size());
            for (ShardModel m : models) {
                partials.add(m.phase(order));
            }
            Decision d = reducer.reduce(partials, nanos);
            if (d instanceof Decision.Finish f) {
                return new StepOutcome(f.status(), reducer.step(), f.message(), seconds(t0));
            }
            order = ((Decision.Next) d).order();
            boolean stopping = stopRequested.getAsBoolean();
            if (stopping && !checkpoints.enabled()) {
                return new StepOutcome(StepStatus.INTERRUPTED, reducer.step(), "interrupted at step " + reducer.step()
                        + "; the outputs keep everything measured up to it", seconds(t0));
            }
            if (stopping || checkpoints.due(reducer.step())) {
                List<List<StateArray>> rows = new ArrayList<>();
                for (ShardModel m : models) {
                    rows.add(m.snapshot());
                }
                checkpoints.write(reducer.step(), reducer.checkpoint(), rows);
                if (stopping) {
                    return new StepOutcome(StepStatus.INTERRUPTED, reducer.step(), "interrupted at step "
                            + reducer.step() + "; a checkpoint was written there", seconds(t0));
                }
            }
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
