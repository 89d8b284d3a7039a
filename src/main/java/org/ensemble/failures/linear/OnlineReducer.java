package org.ensemble.failures.linear;

import java.util.List;
import org.ensemble.step.Decision;
import org.ensemble.step.Observer;
import org.ensemble.step.Partial;
import org.ensemble.step.Reducer;
import org.ensemble.step.StepOrder;
import org.ensemble.step.StepStatus;

/**
 * The coordinator's side of an online run: merges the shards' per-block predictions in block order
 * (the same additions for any shard plan) into the prediction z on the example about to be shown,
 * divides by the merged mass for EG, broadcasts the coefficient c(z, y) of the link with the next
 * example; at report steps merges the weight contributions into w, forms X·w and the loss over all
 * instances. DIVERGED on a non-finite prediction.
 */
public final class OnlineReducer implements Reducer {
    private final OnlineSpec spec;
    private final Observer<OnlineReport> observer;
    private StepOrder pending;
    private long step;
    private int nextReport;

    public OnlineReducer(OnlineSpec spec, Observer<OnlineReport> observer) {
        this.spec = spec;
        this.observer = observer;
    }

    @Override
    public StepOrder first() {
        pending = new StepOrder(0, 0, new OnlineField(-1, 0, next(0), 1).encode(), isReport(0));
        return pending;
    }

    private int next(long k) {
        return k < spec.schedule().length ? spec.schedule()[(int) k] : -1;
    }

    private boolean isReport(long s) {
        long[] r = spec.reports();
        while (nextReport < r.length && r[nextReport] < s) {
            nextReport++;
        }
        return nextReport < r.length && r[nextReport] == s;
    }

    @Override
    public Decision reduce(List<Partial> partials, long[] computeNanos) {
        int d = spec.recipe().d();
        double z = 0;
        double mass = 0;
        double[] w = pending.observe() ? new double[d] : null;
        for (Partial p : partials) {
            OnlinePartial o = (OnlinePartial) p;
            for (int blk = 0; blk < o.predictions().length; blk++) {
                z += o.predictions()[blk];
                mass += o.masses()[blk];
                if (w != null) {
                    for (int i = 0; i < d; i++) {
                        w[i] += o.contributions()[blk * d + i];
                    }
                }
            }
        }
        boolean normalised = spec.recipe().model() == OnlineRecipe.Model.LINEAR && spec.recipe().rule().normalised();
        if (normalised) {
            z /= mass;
        }
        step = pending.toStep();
        if (w != null) {
            if (normalised) {
                for (int i = 0; i < d; i++) {
                    w[i] /= mass;
                }
            }
            double loss = loss(w);
            if (!Double.isFinite(loss)) {
                return Decision.finish(StepStatus.DIVERGED, "loss " + loss + " after " + step
                        + " examples: the step size is too large");
            }
            observer.observe(new OnlineReport(step, loss, w));
        }
        if (step >= spec.steps()) {
            return Decision.finish(StepStatus.COMPLETED, "");
        }
        if (!Double.isFinite(z)) {
            return Decision.finish(StepStatus.DIVERGED, "prediction " + z + " at example " + step
                    + ": the step size is too large");
        }
        int j = next(step);
        double c = spec.link().coefficient(z, spec.y()[j]);
        double divide = normalised ? mass : 1;
        pending = new StepOrder(step, 1, new OnlineField(j, c, next(step + 1), divide).encode(), isReport(step + 1));
        return Decision.next(pending);
    }

    /** (u(⟨w, x_j⟩) − y_j)² averaged over all n instances, each ⟨w, x_j⟩ summed in coordinate order. */
    double loss(double[] w) {
        int n = spec.recipe().n();
        int d = spec.recipe().d();
        double[] x = spec.recipe().x();
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double z = 0;
            for (int i = 0; i < d; i++) {
                z += x[j * d + i] * w[i];
            }
            double r = spec.link().output(z) - spec.y()[j];
            sum += r * r;
        }
        return sum / n;
    }

    @Override
    public long step() {
        return step;
    }
}
