package org.ensemble.cluster;

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
 * Counts, on the coordinator's node, every step-protocol message between the coordinator and the
 * shard nodes into a {@link WireVolume}, each at the size the bound serializer (CBOR) writes for it:
 * an outbox in front of each remote shard (orders, snapshots, restores) and an interceptor around the
 * coordinator (partials and snapshot rows from the nodes). The protocol and its order are unchanged;
 * the outbox is one local hand-off on the way out.
 */
final class WireTap {
    private WireTap() {
    }

    /** Forwards every order to {@code shard} (on a node), counting it. */
    static Behavior<ShardActor.Command> outbox(ActorRef<ShardActor.Command> shard, WireVolume volume) {
        return Behaviors.setup(ctx -> {
            Serialization s = SerializationExtension.get(Adapter.toClassic(ctx.getSystem()));
            return Behaviors.receiveMessage(m -> {
                count(s, m, volume);
                shard.tell(m);
                return Behaviors.same();
            });
        });
    }

    /** {@code coordinator}, counting every message it receives from the nodes (all but its local Start). */
    static Behavior<StepCoordinator.Command> inbound(Behavior<StepCoordinator.Command> coordinator,
                                                     WireVolume volume) {
        return Behaviors.setup(ctx -> {
            Serialization s = SerializationExtension.get(Adapter.toClassic(ctx.getSystem()));
            return Behaviors.intercept(() -> new Inbound(s, volume), coordinator);
        });
    }

    private static final class Inbound extends BehaviorInterceptor<StepCoordinator.Command, StepCoordinator.Command> {
        private final Serialization serialization;
        private final WireVolume volume;

        Inbound(Serialization serialization, WireVolume volume) {
            super(StepCoordinator.Command.class);
            this.serialization = serialization;
            this.volume = volume;
        }

        @Override
        public Behavior<StepCoordinator.Command> aroundReceive(TypedActorContext<StepCoordinator.Command> c,
                                                               StepCoordinator.Command m,
                                                               ReceiveTarget<StepCoordinator.Command> target) {
            if (!(m instanceof StepCoordinator.Start)) {
                count(serialization, m, volume);
            }
            return target.apply(c, m);
        }
    }

    private static void count(Serialization s, Object m, WireVolume volume) {
        volume.add(m.getClass().getSimpleName(), s.serialize(m).get().length);
    }
}
