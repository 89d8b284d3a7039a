package org.ensemble.coordinates;

import java.util.List;
import org.ensemble.step.Decision;
import org.ensemble.step.Observer;
import org.ensemble.step.Partial;
import org.ensemble.step.Reducer;
import org.ensemble.step.StateArray;
import org.ensemble.step.StepOrder;
import org.ensemble.step.StepStatus;

/**
 * The coordinator's side of a coordinate model: merges the shards' block outputs in block order into
 * z = X·w (the same additions whatever the shard plan), computes the mean loss and the field
 * c_j = ℓ'(z_j, y_j)/n, shows a {@link CoordinateReport} at report steps, and orders the next step.
 * DIVERGED on a non-finite output.
 */
public final class CoordinateReducer implements Reducer {
    private final CoordinateSpec spec;
    private final Observer<CoordinateReport> observer;
    private StepOrder pending;
    private long step;
    private int nextReport;
    /** Whether the loss has reached {@code boostBelow}: from then on steps are boost·η (sticky, so a function of the path). */
    private boolean boosted;

    public CoordinateReducer(CoordinateSpec spec, Observer<CoordinateReport> observer) {
        this.spec = spec;
        this.observer = observer;
    }

    @Override
    public StepOrder first() {
        pending = new StepOrder(0, 0, null, isReport(0));
        return pending;
    }

    private boolean isReport(long s) {
        while (nextReport < spec.reports().length && spec.reports()[nextReport] < s) {
            nextReport++;
        }
        return nextReport < spec.reports().length && spec.reports()[nextReport] == s;
    }

    @Override
    public Decision reduce(List<Partial> partials, long[] computeNanos) {
        int n = spec.recipe().n();
        double[] z = new double[n];
        double[] w = pending.observe() ? new double[spec.recipe().d()] : null;
        int at = 0;
        for (Partial p : partials) {
            CoordinatePartial c = (CoordinatePartial) p;
            for (int blk = 0; blk < c.blocks(); blk++) {
                for (int j = 0; j < n; j++) {
                    z[j] += c.outputs()[blk * n + j];
                }
            }
            if (w != null) {
                System.arraycopy(c.weights(), 0, w, at, c.weights().length);
                at += c.weights().length;
            }
        }
        step = pending.toStep();
        double loss = 0;
        double[] field = new double[n];
        for (int j = 0; j < n; j++) {
            if (!Double.isFinite(z[j])) {
                return Decision.finish(StepStatus.DIVERGED, "output " + j + " is " + z[j] + " at step " + step
                        + ": the step size is too large for this problem");
            }
            loss += spec.loss().value(z[j], spec.y()[j]);
            field[j] = spec.loss().derivative(z[j], spec.y()[j]) / n;
        }
        loss /= n;
        if (w != null) {
            observer.observe(new CoordinateReport(step, loss, w, z));
        }
        if (step >= spec.steps()) {
            return Decision.finish(StepStatus.COMPLETED, "");
        }
        if (loss <= spec.lossTarget()) {
            if (w != null) {
                return Decision.finish(StepStatus.COMPLETED, "loss target reached");
            }
            // Ask for the weights of this same step (a zero-step order) to report them, then finish.
            pending = new StepOrder(step, 0, null, true);
            return Decision.next(pending);
        }
        if (!boosted && spec.boost() > 1 && loss <= spec.boostBelow()) {
            boosted = true;
        }
        if (boosted) {
            for (int j = 0; j < n; j++) {
                field[j] *= spec.boost();
            }
        }
        pending = new StepOrder(step, 1, field, isReport(step + 1));
        return Decision.next(pending);
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public List<StateArray> checkpoint() {
        List<StateArray> out = new java.util.ArrayList<>(pending.state());
        out.add(StateArray.of("boosted", 1, new long[] {boosted ? 1 : 0}));
        return out;
    }

    @Override
    public StepOrder resume(List<StateArray> state) {
        boosted = StateArray.named(state, "boosted").longs()[0] != 0;
        pending = StepOrder.fromState(state);
        step = pending.fromStep();
        isReport(pending.toStep());
        return pending;
    }
}
