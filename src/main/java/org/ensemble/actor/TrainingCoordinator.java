package org.ensemble.actor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.ensemble.network.Loss;
import org.ensemble.training.NeuronShardWorker;
import org.ensemble.training.OutputMerge;
import org.ensemble.training.TrainingListener;
import org.ensemble.training.TrainingOutcome;
import org.ensemble.training.TrainingReport;
import org.ensemble.training.TrainingSpec;

/**
 * Sequences training: every step it gathers the workers' per-block output sums on the step's
 * batch, merges them in block order into the network's outputs, forms the residuals and
 * broadcasts the coefficients; the workers update their neurons and return the next step's sums
 * (one round trip per step). At report steps it first asks for held-out sums and the neurons'
 * parameters and hands a {@link TrainingReport} to the listener. A non-finite output stops the run
 * as diverged, keeping every report made so far.
 */
public final class TrainingCoordinator extends AbstractBehavior<TrainingCoordinator.Command> {

    public sealed interface Command permits Start, Partials, Evaluation {
    }

    public record Start() implements Command {
    }

    /** A worker's per-block sums for the batch of step {@code step} (empty after the last step). */
    public record Partials(int worker, long step, double[] sums, String failure) implements Command {
    }

    /** A worker's held-out sums and parameters at a report step. */
    public record Evaluation(int worker, long step, double[] testSums, double[] radii, double[] a, double[] b,
                             String failure) implements Command {
    }

    private static final int PROGRESS_EVERY = 200;

    private final TrainingSpec spec;
    private final List<NeuronShardWorker> workers;
    private final TrainingListener listener;
    private final CompletableFuture<TrainingOutcome> done;
    private final OutputMerge merge;
    private final List<ActorRef<NeuronShardActor.Command>> actors = new ArrayList<>();
    private final double[][] partials;
    private final Evaluation[] evaluations;
    private final double[] testLabels;
    private final double gradientScale;
    private final Loss loss;
    private final int batch;

    private long step;
    private int pending;
    private String failure;
    private double[] coef;
    private double lossSum;
    private long lossCount;
    private long started;

    private TrainingCoordinator(ActorContext<Command> context, TrainingSpec spec, List<NeuronShardWorker> workers,
                                OutputMerge merge, double[] testLabels, TrainingListener listener,
                                CompletableFuture<TrainingOutcome> done) {
        super(context);
        this.spec = spec;
        this.workers = workers;
        this.listener = listener;
        this.done = done;
        this.merge = merge;
        this.partials = new double[workers.size()][];
        this.evaluations = new Evaluation[workers.size()];
        this.testLabels = testLabels;
        this.gradientScale = spec.network().scaling().gradientScale(spec.network().width());
        this.loss = spec.network().loss();
        this.batch = spec.rule().batch();
    }

    public static Behavior<Command> create(TrainingSpec spec, List<NeuronShardWorker> workers, OutputMerge merge,
                                           double[] testLabels, TrainingListener listener,
                                           CompletableFuture<TrainingOutcome> done) {
        return Behaviors.setup(ctx -> new TrainingCoordinator(ctx, spec, workers, merge, testLabels, listener, done));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Start.class, m -> onStart())
                .onMessage(Partials.class, p -> guarded(() -> onPartials(p)))
                .onMessage(Evaluation.class, e -> guarded(() -> onEvaluation(e)))
                .build();
    }

    private Behavior<Command> onStart() {
        started = System.nanoTime();
        DispatcherSelector compute = DispatcherSelector.fromConfig(Coordinator.COMPUTE_DISPATCHER);
        for (int w = 0; w < workers.size(); w++) {
            actors.add(getContext().spawn(NeuronShardActor.create(workers.get(w), w), "neurons-" + w, compute));
        }
        pending = actors.size();
        for (ActorRef<NeuronShardActor.Command> a : actors) {
            a.tell(new NeuronShardActor.Start(getContext().getSelf()));
        }
        return this;
    }

    private Behavior<Command> onPartials(Partials p) {
        if (p.failure() != null && failure == null) {
            failure = "worker " + p.worker() + ": " + p.failure();
        }
        partials[p.worker()] = p.sums();
        if (--pending > 0) {
            return this;
        }
        if (failure != null) {
            return finish(TrainingOutcome.Status.FAILED, failure);
        }
        step = p.step();
        if (step < spec.steps()) {
            double[] f = merge.outputs(partials, batch);
            double[] y = batchLabels(step);
            coef = new double[batch];
            for (int j = 0; j < batch; j++) {
                if (!Double.isFinite(f[j])) {
                    return finish(TrainingOutcome.Status.DIVERGED, "the network's output became " + f[j]
                            + " at step " + step + " (t = " + spec.time(step) + "); the learning rate is probably too"
                            + " large");
                }
                lossSum += loss.value(y[j], f[j]);
                coef[j] = gradientScale * loss.residual(y[j], f[j]) / batch;
            }
            lossCount += batch;
            if (step % PROGRESS_EVERY == 0) {
                double running = lossSum / lossCount;
                if (!safely(() -> listener.onProgress(step, running))) {
                    return finish(TrainingOutcome.Status.FAILED, failure);
                }
            }
        }
        if (spec.reportsAt(step)) {
            pending = actors.size();
            for (ActorRef<NeuronShardActor.Command> a : actors) {
                a.tell(new NeuronShardActor.Evaluate(step, getContext().getSelf()));
            }
            return this;
        }
        return advance();
    }

    private Behavior<Command> advance() {
        if (step >= spec.steps()) {
            return finish(TrainingOutcome.Status.COMPLETED, "completed");
        }
        pending = actors.size();
        NeuronShardActor.Step msg = new NeuronShardActor.Step(step, coef, getContext().getSelf());
        for (ActorRef<NeuronShardActor.Command> a : actors) {
            a.tell(msg);
        }
        return this;
    }

    private double[] labels = new double[0];
    private double[] row = new double[0];

    /** Labels of step k's batch: the coordinator draws them itself (pure function of the data seed and k). */
    private double[] batchLabels(long k) {
        if (labels.length != batch) {
            labels = new double[batch];
        }
        if (row.length != spec.network().inputDim()) {
            row = new double[spec.network().inputDim()];
        }
        for (int j = 0; j < batch; j++) {
            labels[j] = spec.data().trainSample(k, j, row);
        }
        return labels;
    }

    private Behavior<Command> onEvaluation(Evaluation e) {
        if (e.failure() != null && failure == null) {
            failure = "worker " + e.worker() + ": " + e.failure();
        }
        evaluations[e.worker()] = e;
        if (--pending > 0) {
            return this;
        }
        if (failure != null) {
            return finish(TrainingOutcome.Status.FAILED, failure);
        }
        int m = testLabels.length;
        double testRisk = Double.NaN;
        if (m > 0) {
            double[][] sums = new double[evaluations.length][];
            for (int w = 0; w < sums.length; w++) {
                sums[w] = evaluations[w].testSums();
            }
            double[] f = merge.outputs(sums, m);
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += loss.value(testLabels[j], f[j]);
            }
            testRisk = s / m;
        }
        int n = (int) spec.network().width();
        double[] radii = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        int o = 0;
        for (Evaluation ev : evaluations) {
            System.arraycopy(ev.radii(), 0, radii, o, ev.radii().length);
            System.arraycopy(ev.a(), 0, a, o, ev.a().length);
            System.arraycopy(ev.b(), 0, b, o, ev.b().length);
            o += ev.radii().length;
        }
        double train = lossCount > 0 ? lossSum / lossCount : Double.NaN;
        lossSum = 0;
        lossCount = 0;
        TrainingReport r = new TrainingReport(step, spec.time(step), train, testRisk, radii, a, b);
        if (!safely(() -> listener.onReport(r))) {
            return finish(TrainingOutcome.Status.FAILED, failure);
        }
        if (!Double.isFinite(testRisk) && m > 0) {
            return finish(TrainingOutcome.Status.DIVERGED, "the held-out risk became " + testRisk + " at step " + step
                    + " (t = " + spec.time(step) + "); the learning rate is probably too large");
        }
        return advance();
    }

    /** A bug or bad data in the coordinator's own work ends the run as failed instead of hanging it. */
    private Behavior<Command> guarded(java.util.function.Supplier<Behavior<Command>> handler) {
        try {
            return handler.get();
        } catch (RuntimeException e) {
            return finish(TrainingOutcome.Status.FAILED, "coordinator: " + (e.getMessage() == null ? e.toString()
                    : e.getMessage()));
        }
    }

    private boolean safely(Runnable r) {
        try {
            r.run();
            return true;
        } catch (RuntimeException e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            return false;
        }
    }

    private Behavior<Command> finish(TrainingOutcome.Status status, String message) {
        actors.forEach(a -> a.tell(new NeuronShardActor.Stop()));
        done.complete(new TrainingOutcome(status, step, message, (System.nanoTime() - started) / 1e9));
        return Behaviors.stopped();
    }
}
