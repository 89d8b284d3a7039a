package org.ensemble.graphdynamics;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.step.Decision;
import org.ensemble.step.Observer;
import org.ensemble.step.Partial;
import org.ensemble.step.Reducer;
import org.ensemble.step.StateArray;
import org.ensemble.step.StepOrder;
import org.ensemble.step.StepStatus;

/**
 * The coordinator's side of graph dynamics: merges the shards' block sums in block order (each block
 * accumulated from 0 in id order, so one actor per node adds the same numbers as one shard), shows a
 * {@link NodeMeasure} every {@code recordEvery} steps and where an observer needs the states, gathers
 * the halo (shard order = id order) as the next field, and stops after {@code steps} steps. DIVERGED
 * on a non-finite sum.
 */
public final class NodeReducer implements Reducer {
    private final NodeRecipe recipe;
    private final long steps;
    private final int recordEvery;
    private final Observer<NodeMeasure> observer;
    private final double[] blockSums;
    private StepOrder pending;
    private long step;

    public NodeReducer(NodeRecipe recipe, long steps, int recordEvery, Observer<NodeMeasure> observer) {
        if (steps < 0 || recordEvery < 1) {
            throw new IllegalArgumentException("need steps ≥ 0 and recordEvery ≥ 1");
        }
        this.recipe = recipe;
        this.steps = steps;
        this.recordEvery = recordEvery;
        this.observer = observer;
        int blocks = (recipe.nodes() + recipe.blockSize() - 1) / recipe.blockSize();
        this.blockSums = new double[blocks * NodeBlocks.SUMS];
    }

    private boolean needsStates(long s) {
        return observer.nextNeed(s) == s;
    }

    @Override
    public StepOrder first() {
        pending = new StepOrder(0, 0, null, needsStates(0));
        return pending;
    }

    @Override
    public Decision reduce(List<Partial> partials, long[] computeNanos) {
        java.util.Arrays.fill(blockSums, 0);
        int haloLength = 0;
        for (Partial p : partials) {
            haloLength += ((NodePartial) p).halo().length;
        }
        double[] halo = new double[haloLength];
        double[] states = pending.observe() ? new double[recipe.nodes()] : null;
        int at = 0;
        int stateAt = 0;
        for (Partial p : partials) {
            NodePartial n = (NodePartial) p;
            int base = n.firstBlock() * NodeBlocks.SUMS;
            for (int c = 0; c < n.sums().length; c++) {
                blockSums[base + c] += n.sums()[c];
            }
            System.arraycopy(n.halo(), 0, halo, at, n.halo().length);
            at += n.halo().length;
            if (states != null) {
                System.arraycopy(n.states(), 0, states, stateAt, n.states().length);
                stateAt += n.states().length;
            }
        }
        double[] total = new double[NodeBlocks.SUMS];
        for (int b = 0; b < blockSums.length; b += NodeBlocks.SUMS) {
            for (int c = 0; c < NodeBlocks.SUMS; c++) {
                total[c] += blockSums[b + c];
            }
        }
        step = pending.toStep();
        for (double v : total) {
            if (!Double.isFinite(v)) {
                return Decision.finish(StepStatus.DIVERGED, "a node state is not finite at step " + step
                        + ": the time step is too large for this coupling");
            }
        }
        int n = recipe.nodes();
        double mean = total[2] / n;
        NodeMeasure m = new NodeMeasure(step, step * recipe.dynamics().dt(), Math.hypot(total[0], total[1]) / n,
                Math.atan2(total[1], total[0]), mean, Math.max(0, total[3] / n - mean * mean), states);
        if (states != null || step % recordEvery == 0 || step == steps) {
            observer.observe(m);
        }
        if (step >= steps) {
            return Decision.finish(StepStatus.COMPLETED, "");
        }
        double[] field = recipe.complete() ? new double[] {total[0], total[1], total[2]} : halo;
        pending = new StepOrder(step, 1, field, needsStates(step + 1) || step + 1 == steps);
        return Decision.next(pending);
    }

    @Override
    public long step() {
        return step;
    }

    /**
     * The pending order (its field is the halo of this shard plan at the checkpoint's step) and the
     * halo's node ids, so that a resume under another plan can pick its own halo out of it.
     */
    @Override
    public List<StateArray> checkpoint() {
        List<StateArray> out = new ArrayList<>(pending.state());
        long[] ids = new long[recipe.halo().length];
        for (int h = 0; h < ids.length; h++) {
            ids[h] = recipe.halo()[h];
        }
        out.add(StateArray.of("halo_ids", 1, ids));
        return out;
    }

    /**
     * Continues from a checkpoint. The held order's field is the old plan's halo; this plan's halo
     * is taken from it by node id, which works whenever every node this plan exchanges was exchanged
     * then (the same plan, one shard, any plan whose boundaries are among the old ones). Otherwise the
     * states it would need are not in the checkpoint: refused in one line.
     */
    @Override
    public StepOrder resume(List<StateArray> state) {
        StepOrder held = StepOrder.fromState(state);
        double[] field = held.field();
        if (!recipe.complete() && held.steps() > 0) {
            long[] old = StateArray.named(state, "halo_ids").longs();
            int[] halo = recipe.halo();
            field = new double[halo.length];
            for (int h = 0; h < halo.length; h++) {
                int at = java.util.Arrays.binarySearch(old, halo[h]);
                if (at < 0) {
                    throw new IllegalArgumentException("this shard plan exchanges node " + halo[h] + ", which the"
                            + " checkpoint's plan did not: resume with the shard count it was written with");
                }
                field[h] = held.field()[at];
            }
        }
        pending = new StepOrder(held.fromStep(), held.steps(), field, held.observe());
        step = pending.fromStep();
        return pending;
    }
}
