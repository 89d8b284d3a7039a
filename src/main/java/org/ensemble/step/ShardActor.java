package org.ensemble.step;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Owns one shard range of any population kind. It builds its model from the recipe in its own
 * set-up (so only plain data reaches it), runs each broadcast order on the model and answers with
 * the partial, or with a failure message of its own. Runs on the compute dispatcher.
 */
public final class ShardActor extends AbstractBehavior<ShardActor.Command> {

    public sealed interface Command extends WireMessage permits Phase, Snapshot, Restore, Stop {
    }

    /** Run {@code order} and answer {@code replyTo}. */
    public record Phase(StepOrder order, ActorRef<StepCoordinator.Command> replyTo) implements Command {
    }

    /** Answer {@code replyTo} with this shard's member arrays (a checkpoint at the current barrier). */
    public record Snapshot(ActorRef<StepCoordinator.Command> replyTo) implements Command {
    }

    /** Take these checkpointed rows, saved at the barrier after {@code step}, before the first order. */
    public record Restore(java.util.List<StateArray> rows, long step, ActorRef<StepCoordinator.Command> replyTo)
            implements Command {
    }

    public record Stop() implements Command {
    }

    private final ShardRange range;
    private final ShardModel model;
    private final String buildFailure;

    private ShardActor(ActorContext<Command> context, ModelRecipe recipe, ShardRange range) {
        super(context);
        this.range = range;
        ShardModel built = null;
        String failure = null;
        try {
            built = recipe.build(range);
        } catch (RuntimeException e) {
            failure = "cannot set up: " + StepCoordinator.message(e);
        }
        this.model = built;
        this.buildFailure = failure;
    }

    public static Behavior<Command> create(ModelRecipe recipe, ShardRange range) {
        return Behaviors.setup(ctx -> new ShardActor(ctx, recipe, range));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Phase.class, this::onPhase)
                .onMessage(Snapshot.class, this::onSnapshot)
                .onMessage(Restore.class, this::onRestore)
                .onMessage(Stop.class, m -> Behaviors.stopped())
                .onSignal(PostStop.class, s -> onPostStop())
                .build();
    }

    private Behavior<Command> onPhase(Phase m) {
        if (model == null) {
            m.replyTo().tell(new StepCoordinator.ShardFailed(range.index(), buildFailure));
            return this;
        }
        long t0 = System.nanoTime();
        try {
            Partial p = model.phase(m.order());
            m.replyTo().tell(new StepCoordinator.PartialReady(range.index(), m.order().toStep(), p,
                    System.nanoTime() - t0));
        } catch (RuntimeException e) {
            m.replyTo().tell(new StepCoordinator.ShardFailed(range.index(), StepCoordinator.message(e)));
        }
        return this;
    }

    private Behavior<Command> onSnapshot(Snapshot m) {
        try {
            m.replyTo().tell(new StepCoordinator.SnapshotReady(range.index(), model.snapshot()));
        } catch (RuntimeException e) {
            m.replyTo().tell(new StepCoordinator.ShardFailed(range.index(), "cannot snapshot: "
                    + StepCoordinator.message(e)));
        }
        return this;
    }

    private Behavior<Command> onRestore(Restore m) {
        if (model != null) {
            try {
                model.restore(m.rows(), m.step());
            } catch (RuntimeException e) {
                m.replyTo().tell(new StepCoordinator.ShardFailed(range.index(), "cannot restore: "
                        + StepCoordinator.message(e)));
            }
        }
        return this; // a model that failed to build answers the first phase with its failure
    }

    private Behavior<Command> onPostStop() {
        if (model != null) {
            model.close();
        }
        return this;
    }
}
