package org.ensemble.actor;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.ensemble.training.NeuronShardWorker;

/**
 * Owns a range of neurons (a shard of blocks, or a single neuron) and runs its worker when the
 * training coordinator asks: the first forward pass, then per step the update with the broadcast
 * residual coefficients fused with the next forward pass, and held-out evaluations at reports.
 */
public final class NeuronShardActor extends AbstractBehavior<NeuronShardActor.Command> {

    public sealed interface Command permits Start, Step, Evaluate, Stop {
    }

    /** Forward pass of step 0's batch. */
    public record Start(ActorRef<TrainingCoordinator.Command> replyTo) implements Command {
    }

    /** Update of step {@code step} with per-sample coefficients, then the forward pass of step + 1. */
    public record Step(long step, double[] coef, ActorRef<TrainingCoordinator.Command> replyTo) implements Command {
    }

    /** Held-out sums and the neurons' parameters at report step {@code step}. */
    public record Evaluate(long step, ActorRef<TrainingCoordinator.Command> replyTo) implements Command {
    }

    public record Stop() implements Command {
    }

    private final NeuronShardWorker worker;
    private final int index;

    private NeuronShardActor(ActorContext<Command> context, NeuronShardWorker worker, int index) {
        super(context);
        this.worker = worker;
        this.index = index;
    }

    public static Behavior<Command> create(NeuronShardWorker worker, int index) {
        return Behaviors.setup(ctx -> new NeuronShardActor(ctx, worker, index));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Start.class, this::onStart)
                .onMessage(Step.class, this::onStep)
                .onMessage(Evaluate.class, this::onEvaluate)
                .onMessage(Stop.class, m -> Behaviors.stopped())
                .build();
    }

    private Behavior<Command> onStart(Start m) {
        try {
            m.replyTo().tell(new TrainingCoordinator.Partials(index, 0, worker.start(), null));
        } catch (RuntimeException e) {
            m.replyTo().tell(new TrainingCoordinator.Partials(index, 0, null, message(e)));
        }
        return this;
    }

    private Behavior<Command> onStep(Step m) {
        try {
            m.replyTo().tell(new TrainingCoordinator.Partials(index, m.step() + 1, worker.step(m.step(), m.coef()),
                    null));
        } catch (RuntimeException e) {
            m.replyTo().tell(new TrainingCoordinator.Partials(index, m.step() + 1, null, message(e)));
        }
        return this;
    }

    private Behavior<Command> onEvaluate(Evaluate m) {
        try {
            m.replyTo().tell(new TrainingCoordinator.Evaluation(index, m.step(), worker.evaluateTest(),
                    worker.slab().radii(), worker.slab().a().clone(), worker.slab().b().clone(), null));
        } catch (RuntimeException e) {
            m.replyTo().tell(new TrainingCoordinator.Evaluation(index, m.step(), null, null, null, null, message(e)));
        }
        return this;
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
