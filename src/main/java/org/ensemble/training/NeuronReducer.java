package org.ensemble.training;

import java.util.List;
import org.ensemble.network.Loss;
import org.ensemble.step.Decision;
import org.ensemble.step.Observer;
import org.ensemble.step.Partial;
import org.ensemble.step.Reducer;
import org.ensemble.step.StateArray;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepOrder;
import org.ensemble.step.StepStatus;

/**
 * The coordinator's side of training: every step it merges the shards' per-block output sums in
 * block order into the network's outputs on the step's batch, draws the batch's labels (a pure
 * function of the data seed and the step), forms the residual coefficients and orders the update
 * (one round trip per step). At report steps it first orders an evaluation, merges the held-out
 * sums and the neurons' parameters into a {@link TrainingReport} for the observers (also where an
 * observer needs one). A non-finite
 * output ends the run as diverged, keeping every report made so far.
 */
public final class NeuronReducer implements Reducer {
    private static final int PROGRESS_EVERY = 200;

    private final TrainingSpec spec;
    private final Observer<TrainingMeasure> observer;
    private final OutputMerge merge;
    private final double[] testLabels;
    private final double gradientScale;
    private final Loss loss;
    private final int batch;
    private final double[] labels;
    private final double[] row;

    private long step;
    private StepOrder current;
    private double[] coef;
    private double lossSum;
    private long lossCount;

    public NeuronReducer(TrainingSpec spec, List<ShardRange> ranges, Observer<TrainingMeasure> observer) {
        this.spec = spec;
        this.observer = observer;
        int[][] logical = new int[ranges.size()][];
        for (int s = 0; s < logical.length; s++) {
            ShardRange r = ranges.get(s);
            logical[s] = new int[r.blockCount()];
            for (int l = 0; l < r.blockCount(); l++) {
                logical[s][l] = r.firstBlock() + l;
            }
        }
        this.merge = new OutputMerge(spec.blocks(), logical, spec.network().scaling().outputScale(spec.network()
                .width()));
        this.testLabels = TestSet.labels(spec.data(), spec.testSamples());
        this.gradientScale = spec.network().scaling().gradientScale(spec.network().width());
        this.loss = spec.network().loss();
        this.batch = spec.rule().batch();
        this.labels = new double[batch];
        this.row = new double[spec.network().inputDim()];
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public StepOrder first() {
        current = new StepOrder(0, 0, null, false);
        return current;
    }

    /** The pending order (with its coefficients), and the running loss since the last report. */
    @Override
    public List<StateArray> checkpoint() {
        List<StateArray> out = new java.util.ArrayList<>(current.state());
        out.add(StateArray.of("loss_sum", 1, new double[]{lossSum}));
        out.add(StateArray.of("loss_count", 1, new long[]{lossCount}));
        return out;
    }

    @Override
    public StepOrder resume(List<StateArray> state) {
        current = StepOrder.fromState(state);
        step = current.fromStep();
        coef = current.field();
        lossSum = StateArray.named(state, "loss_sum").doubles()[0];
        lossCount = StateArray.named(state, "loss_count").longs()[0];
        return current;
    }

    @Override
    public Decision reduce(List<Partial> partials, long[] computeNanos) {
        if (current.observe()) {
            return report(partials);
        }
        step = current.toStep();
        if (step < spec.steps()) {
            double[][] sums = new double[partials.size()][];
            for (int s = 0; s < sums.length; s++) {
                sums[s] = ((NeuronSums) partials.get(s)).sums();
            }
            double[] f = merge.outputs(sums, batch);
            double[] y = batchLabels(step);
            coef = new double[batch];
            for (int j = 0; j < batch; j++) {
                if (!Double.isFinite(f[j])) {
                    return Decision.finish(StepStatus.DIVERGED, "the network's output became " + f[j] + " at step "
                            + step + " (t = " + spec.time(step) + "); the learning rate is probably too large");
                }
                lossSum += loss.value(y[j], f[j]);
                coef[j] = gradientScale * loss.residual(y[j], f[j]) / batch;
            }
            lossCount += batch;
            if (step % PROGRESS_EVERY == 0) {
                observer.observe(new RunningLoss(step, lossSum / lossCount));
            }
        }
        if (spec.reportsAt(step) || observer.nextNeed(step) == step) {
            current = new StepOrder(step, 0, null, true);
            return Decision.next(current);
        }
        return advance();
    }

    private Decision advance() {
        if (step >= spec.steps()) {
            return Decision.finish(StepStatus.COMPLETED, "completed");
        }
        current = new StepOrder(step, 1, coef, false);
        return Decision.next(current);
    }

    /** Labels of step k's batch. */
    private double[] batchLabels(long k) {
        for (int j = 0; j < batch; j++) {
            labels[j] = spec.data().trainLabel(k, j, row);
        }
        return labels;
    }

    private Decision report(List<Partial> partials) {
        int m = testLabels.length;
        double testRisk = Double.NaN;
        if (m > 0) {
            double[][] sums = new double[partials.size()][];
            for (int s = 0; s < sums.length; s++) {
                sums[s] = ((NeuronEvaluation) partials.get(s)).testSums();
            }
            double[] f = merge.outputs(sums, m);
            double sum = 0;
            for (int j = 0; j < m; j++) {
                sum += loss.value(testLabels[j], f[j]);
            }
            testRisk = sum / m;
        }
        int n = (int) spec.network().width();
        double[] radii = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        int o = 0;
        for (Partial p : partials) {
            NeuronEvaluation ev = (NeuronEvaluation) p;
            System.arraycopy(ev.radii(), 0, radii, o, ev.radii().length);
            System.arraycopy(ev.a(), 0, a, o, ev.a().length);
            System.arraycopy(ev.b(), 0, b, o, ev.b().length);
            o += ev.radii().length;
        }
        double train = lossCount > 0 ? lossSum / lossCount : Double.NaN;
        lossSum = 0;
        lossCount = 0;
        observer.observe(new TrainingReport(step, spec.time(step), train, testRisk, radii, a, b));
        if (!Double.isFinite(testRisk) && m > 0) {
            return Decision.finish(StepStatus.DIVERGED, "the held-out risk became " + testRisk + " at step " + step
                    + " (t = " + spec.time(step) + "); the learning rate is probably too large");
        }
        return advance();
    }
}
