package org.ensemble.cluster;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.BehaviorInterceptor;
import org.apache.pekko.actor.typed.TypedActorContext;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.ensemble.step.ShardActor;
import org.ensemble.step.StepCoordinator;

/**
 * Wraps a shard actor on its node so that no answer is lost to Artery's frame: Artery drops a message
 * over {@code maximum-frame-size} with only a log line, and the coordinator would wait for it forever.
 * The shard's orders are handed over with a local checker as their reply-to; the checker measures each
 * answer and forwards it, or sends {@code ShardFailed} naming its size, so the run ends with a message.
 * The shard actor and the protocol are unchanged.
 */
final class FrameGuard {
    private FrameGuard() {
    }

    static Behavior<ShardActor.Command> around(Behavior<ShardActor.Command> shard, int index) {
        return Behaviors.setup(ctx -> {
            AtomicReference<ActorRef<StepCoordinator.Command>> coordinator = new AtomicReference<>();
            Serialization serialization = SerializationExtension.get(Adapter.toClassic(ctx.getSystem()));
            long frame = ctx.getSystem().settings().config().getBytes("pekko.remote.artery.advanced.maximum-frame-size");
            long limit = frame - Math.max(1024, frame / 64); // Artery's envelope and the manifest need room too
            ActorRef<StepCoordinator.Command> checker = ctx.spawn(Behaviors.receiveMessage(m -> {
                long bytes = serialization.serialize(m).get().length;
                coordinator.get().tell(bytes <= limit ? m : new StepCoordinator.ShardFailed(index, "its answer ("
                        + m.getClass().getSimpleName() + ") is " + bytes + " bytes, over the cluster's"
                        + " maximum-frame-size of " + frame + ": use more shards or raise maximum-frame-size"));
                return Behaviors.same();
            }), "frame-guard");
            return Behaviors.intercept(() -> new Readdress(checker, coordinator), shard);
        });
    }

    /** Hands each order to the shard with the checker as its reply-to. */
    private static final class Readdress extends BehaviorInterceptor<ShardActor.Command, ShardActor.Command> {
        private final ActorRef<StepCoordinator.Command> checker;
        private final AtomicReference<ActorRef<StepCoordinator.Command>> coordinator;

        Readdress(ActorRef<StepCoordinator.Command> checker,
                  AtomicReference<ActorRef<StepCoordinator.Command>> coordinator) {
            super(ShardActor.Command.class);
            this.checker = checker;
            this.coordinator = coordinator;
        }

        @Override
        public Behavior<ShardActor.Command> aroundReceive(TypedActorContext<ShardActor.Command> c, ShardActor.Command m,
                                                          ReceiveTarget<ShardActor.Command> target) {
            return target.apply(c, readdressed(m, checker, coordinator));
        }
    }

    /** {@code m} with {@code checker} as its reply-to; the coordinator it named is kept for the checker. */
    private static ShardActor.Command readdressed(ShardActor.Command m, ActorRef<StepCoordinator.Command> checker,
                                                  AtomicReference<ActorRef<StepCoordinator.Command>> coordinator) {
        if (m instanceof ShardActor.Phase p) {
            coordinator.set(p.replyTo());
            return new ShardActor.Phase(p.order(), checker);
        }
        if (m instanceof ShardActor.Snapshot s) {
            coordinator.set(s.replyTo());
            return new ShardActor.Snapshot(checker);
        }
        if (m instanceof ShardActor.Restore r) {
            coordinator.set(r.replyTo());
            return new ShardActor.Restore(r.rows(), r.step(), checker);
        }
        return m;
    }
}
