package org.ensemble.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.BootstrapSetup;
import org.apache.pekko.actor.setup.ActorSystemSetup;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProviderSetup;
import org.ensemble.langevin.LangevinRecipe;
import org.ensemble.population.BlockLayout;
import org.ensemble.step.Granularity;
import org.ensemble.step.ShardActor;
import org.ensemble.step.ShardPlan;
import org.ensemble.step.ShardRange;
import org.junit.jupiter.api.Test;

/**
 * A shard node's host, in one member configured as {@code ensemble node} is (not joined). Every
 * coordinator numbers its runs from 1, so two coordinators one after the other both place a
 * "run-1" here, and the first one's end can arrive after the second has placed its shards (seen on
 * CI: a run failed with "node … was lost" while every node was up). The second placement must be
 * accepted, and the first run's end must stop its own shards only.
 */
class ShardHostTest {
    private static final long WAIT_SECONDS = 30;

    @Test
    void aRunsEndStopsItsOwnShardsNotThoseOfTheNextCoordinatorsRunOfTheSameName() throws Exception {
        ClusterFile f = new ClusterFile("test", List.of("127.0.0.1:1"), "127.0.0.1", 0, List.of("shards"), 0, 1,
                Duration.ofSeconds(5), 64L << 20, Duration.ofSeconds(8), Duration.ofSeconds(4));
        ActorSystem<SpawnProtocol.Command> system = ActorSystem.create(SpawnProtocol.create(), ClusterSystem.NAME,
                ActorSystemSetup.create(BootstrapSetup.create(ClusterSystem.config(f))).withSetup(
                        JacksonObjectMapperProviderSetup.create(new WireFormat())));
        try {
            LangevinRecipe recipe = LangevinRecipe.of(WireFormatTest.spec());
            List<ShardRange> ranges = ShardPlan.of(new BlockLayout(1000, 64), 3, Granularity.BLOCK);
            AtomicInteger live = new AtomicInteger();
            ActorRef<ShardHost.Command> host = spawn(system, ShardHost.create("v", live), "host");
            BlockingQueue<Object> first = new LinkedBlockingQueue<>();
            BlockingQueue<Object> second = new LinkedBlockingQueue<>();
            ActorRef<Object> a = spawn(system, supervisor(first), "coordinator-a");
            ActorRef<Object> b = spawn(system, supervisor(second), "coordinator-b");

            host.tell(new ShardHost.Spawn("run-1", "v", WireFormat.hash(recipe), recipe, List.of(ranges.get(0)),
                    a.narrow()));
            ShardHost.Spawned fromA = assertInstanceOf(ShardHost.Spawned.class, first.poll(WAIT_SECONDS,
                    TimeUnit.SECONDS));
            host.tell(new ShardHost.Spawn("run-1", "v", WireFormat.hash(recipe), recipe, List.of(ranges.get(1)),
                    b.narrow()));
            ShardHost.Spawned fromB = assertInstanceOf(ShardHost.Spawned.class, second.poll(WAIT_SECONDS,
                    TimeUnit.SECONDS), "the second coordinator's run-1 was refused");
            assertEquals(2, live.get());

            BlockingQueue<ActorRef<?>> ended = new LinkedBlockingQueue<>();
            spawn(system, watcher(List.of(fromA.shards().get(0), fromB.shards().get(0)), ended), "watcher");
            a.tell("stop"); // the first coordinator's supervisor is gone
            assertEquals(fromA.shards().get(0), ended.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            // A shard stopped with it would have terminated in the same handler: a second is ample.
            assertNull(ended.poll(1, TimeUnit.SECONDS), "the second run's shard was stopped by the first run's end");
            assertEquals(1, live.get());
            b.tell("stop");
            assertEquals(fromB.shards().get(0), ended.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(0, live.get());
        } finally {
            ClusterSystem.stop(system);
        }
    }

    /** Stands for a run's supervisor: keeps what the host answers, stops on "stop". */
    private static Behavior<Object> supervisor(BlockingQueue<Object> replies) {
        return Behaviors.receiveMessage(m -> {
            if ("stop".equals(m)) {
                return Behaviors.stopped();
            }
            replies.add(m);
            return Behaviors.same();
        });
    }

    private static Behavior<Void> watcher(List<ActorRef<ShardActor.Command>> shards, BlockingQueue<ActorRef<?>> ended) {
        return Behaviors.setup(ctx -> {
            shards.forEach(ctx::watch);
            return Behaviors.receive(Void.class).onSignal(Terminated.class, t -> {
                ended.add(t.getRef());
                return Behaviors.same();
            }).build();
        });
    }

    private static <T> ActorRef<T> spawn(ActorSystem<SpawnProtocol.Command> system, Behavior<T> behavior, String name)
            throws Exception {
        return AskPattern.<SpawnProtocol.Command, ActorRef<T>>ask(system, r -> new SpawnProtocol.Spawn<>(behavior, name,
                Props.empty(), r), Duration.ofSeconds(WAIT_SECONDS), system.scheduler()).toCompletableFuture()
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
