package org.ensemble.langevin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ensemble.dynamics.PairInteraction;
import org.ensemble.population.BlockLayout;
import org.ensemble.population.ParticleSlab;
import org.ensemble.step.Decision;
import org.ensemble.step.Observer;
import org.ensemble.step.Partial;
import org.ensemble.step.PhaseTimings;
import org.ensemble.step.Reducer;
import org.ensemble.step.StepOrder;
import org.ensemble.step.StepStatus;

/**
 * The coordinator's side of a Langevin run: merges the shards' block statistics in block order into
 * the measure, shows it to the observers, stops on divergence, the end, or when every particle is
 * absorbed, and builds the next field (the mean, a pair-force table, or every position). Independent
 * particles advance a whole report interval per order; interacting ones one step.
 */
public final class LangevinReducer implements Reducer {
    private final RunPlan plan;
    private final ObservationSpec spec;
    private final BlockLayout layout;
    private final Observer<Measure> observer;
    private final PhaseTimings timings;
    private long step;
    private StepOrder current;
    private Measure last;

    public LangevinReducer(RunPlan plan, ObservationSpec spec, BlockLayout layout, Observer<Measure> observer,
                           PhaseTimings timings) {
        this.plan = plan;
        this.spec = spec;
        this.layout = layout;
        this.observer = observer;
        this.timings = timings;
    }

    /** The last merged measure (null before the first). */
    public Measure last() {
        return last;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public StepOrder first() {
        // Phase 0 observes the initial state.
        current = new StepOrder(0, 0, null, true);
        return current;
    }

    /** The pending order is the whole state: the step and the field are in it. */
    @Override
    public List<org.ensemble.step.StateArray> checkpoint() {
        return current.state();
    }

    @Override
    public StepOrder resume(List<org.ensemble.step.StateArray> state) {
        current = StepOrder.fromState(state);
        step = current.fromStep();
        return current;
    }

    @Override
    public Decision reduce(List<Partial> partials, long[] computeNanos) {
        step = current.toStep();
        List<BlockStatistics> blocks = new ArrayList<>(layout.blocks());
        if (partials.get(0) instanceof ParticleState) {
            assemble(partials, blocks);
        } else {
            for (int s = 0; s < partials.size(); s++) {
                ParticleBlocks p = (ParticleBlocks) partials.get(s);
                blocks.addAll(p.blocks());
                timings.onShardPhase(s, p.advanceNanos(), p.statisticsNanos());
            }
        }
        long t0 = System.nanoTime();
        blocks.sort(Comparator.comparingInt(BlockStatistics::block));
        StatisticsLevel level = current.observe() ? StatisticsLevel.FULL : StatisticsLevel.MOMENTS;
        Measure m = Measure.merge(blocks, spec, level, step, step * plan.dt());
        last = m;
        timings.onMerge(System.nanoTime() - t0);
        observer.observe(m);
        if (m.diverged()) {
            return Decision.finish(StepStatus.DIVERGED, m.nonFinite() + " particle(s) reached NaN or infinity by step "
                    + step + " (t = " + m.time() + "); the time step is probably too large for this potential");
        }
        if (step >= plan.totalSteps()) {
            return Decision.finish(StepStatus.COMPLETED, "completed");
        }
        if (spec.absorbing() && m.measured() == 0) {
            return Decision.finish(StepStatus.ALL_ABSORBED, "every particle reached a target by step " + step);
        }
        double[] field = plan.interacting() ? fieldFrom(m) : null;
        // Up to the earliest need: the scenario's next report or an observer's (interacting: one step).
        long need = Math.max(step + 1, Math.min(plan.nextReport(step + 1), observer.nextNeed(step + 1)));
        int next = plan.interacting() ? 1 : (int) Math.min(Math.min(need, plan.totalSteps()) - step, Integer.MAX_VALUE);
        current = new StepOrder(step, next, field, step + next == need);
        return Decision.next(current);
    }

    /** Granularity member: blocks rebuilt from one-particle states, so statistics are those of block shards. */
    private void assemble(List<Partial> partials, List<BlockStatistics> out) {
        int d = spec.dimension();
        StatisticsLevel level = current.observe() ? StatisticsLevel.FULL : StatisticsLevel.MOMENTS;
        for (int b = 0; b < layout.blocks(); b++) {
            int len = layout.blockLength(b);
            long first = layout.blockStart(b);
            ParticleSlab block = new ParticleSlab(first, len, d, false);
            for (int i = 0; i < len; i++) {
                ParticleState ps = (ParticleState) partials.get((int) (first + i));
                for (int c = 0; c < d; c++) {
                    block.positions()[c * len + i] = ps.position()[c];
                }
                block.hitSteps()[i] = ps.hitStep();
                block.hitTargets()[i] = ps.hitTarget();
            }
            out.add(BlockStatistics.of(block, 0, len, b, spec, level, current.fromStep(), current.toStep()));
        }
    }

    /**
     * The field broadcast for the next phase: the mean (mean pull), the pair force on grid nodes
     * from the deposited particles (GRID), or every position (PAIRS).
     */
    private double[] fieldFrom(Measure m) {
        PairInteraction pair = spec.pair();
        if (pair == null) {
            return Arrays.copyOf(m.mean(), Math.max(3, m.mean().length));
        }
        if (pair.method() == PairInteraction.Method.PAIRS) {
            return m.positions();
        }
        double[] p = m.deposit().clone();
        double total = 0;
        for (double w : p) {
            total += w;
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= total;
        }
        return pair.dimension() == 1 ? pair.forceTable(p) : pair.forceTable2(p);
    }
}
