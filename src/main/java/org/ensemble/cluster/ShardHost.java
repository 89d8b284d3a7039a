package org.ensemble.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.ensemble.step.ModelRecipe;
import org.ensemble.step.ShardActor;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepCoordinator;
import org.ensemble.step.WireMessage;

/**
 * One per shard node, registered with the receptionist: spawns a run's {@link ShardActor}s here, from
 * the recipe the coordinator sends, and answers with their references; the step protocol then goes
 * straight between the coordinator and those shards. A node of another version, or one that decodes
 * the recipe differently, refuses. When the run's supervisor goes (its run ended, or its JVM died),
 * the run's shards here are stopped.
 */
public final class ShardHost extends AbstractBehavior<ShardHost.Command> {
    public static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "ensemble-shard-host");

    public sealed interface Command extends WireMessage permits Spawn, RunEnded {
    }

    /** Build {@code ranges}' shards of run {@code runId} from {@code recipe}; answer {@code replyTo}. */
    public record Spawn(String runId, String version, String recipeHash, ModelRecipe recipe, List<ShardRange> ranges,
                        ActorRef<Reply> replyTo) implements Command {
    }

    /**
     * The supervisor that asked for shards is gone. Keyed by its reference, not the run's name: every
     * coordinator numbers its runs from 1, and a run's end can reach this node after the next
     * coordinator's run of the same name has placed its shards here.
     */
    record RunEnded(ActorRef<Reply> supervisor) implements Command {
    }

    public sealed interface Reply extends WireMessage permits Spawned, Refused {
    }

    /** {@code shards.get(i)} owns {@code ranges.get(i)} of the request. */
    public record Spawned(String node, List<ShardRange> ranges, List<ActorRef<ShardActor.Command>> shards)
            implements Reply {
    }

    public record Refused(String node, String message) implements Reply {
    }

    private final String version;
    /** How many shard actors this node hosts now (its /metrics). */
    private final AtomicInteger live;
    private final String node;
    private final Map<ActorRef<Reply>, List<ActorRef<ShardActor.Command>>> runs = new HashMap<>();
    /** Makes shard actor names unique on this node across coordinators (each numbers its runs from 1). */
    private long spawns;

    private ShardHost(ActorContext<Command> context, String version, AtomicInteger live) {
        super(context);
        this.version = version;
        this.live = live;
        org.apache.pekko.actor.Address a = context.getSystem().address();
        this.node = a.getHost().orElse("?") + ":" + a.getPort().orElse(0);
        context.getSystem().receptionist().tell(Receptionist.register(KEY, context.getSelf()));
    }

    public static Behavior<Command> create(String version, AtomicInteger live) {
        return Behaviors.setup(ctx -> new ShardHost(ctx, version, live));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Spawn.class, this::onSpawn)
                .onMessage(RunEnded.class, this::onRunEnded)
                .build();
    }

    private Behavior<Command> onSpawn(Spawn m) {
        if (!version.equals(m.version())) {
            m.replyTo().tell(new Refused(node, "node " + node + " runs ensemble " + version + ", the coordinator "
                    + m.version() + ": start every node from the same build"));
            return this;
        }
        String hash = WireFormat.hash(m.recipe());
        if (!hash.equals(m.recipeHash())) {
            m.replyTo().tell(new Refused(node, "node " + node + " decodes the run's scenario differently (hash "
                    + hash.substring(0, 12) + " ≠ " + m.recipeHash().substring(0, 12) + "): is it another build?"));
            return this;
        }
        List<ActorRef<ShardActor.Command>> spawned = new ArrayList<>();
        spawns++;
        try {
            for (ShardRange r : m.ranges()) {
                spawned.add(getContext().spawn(FrameGuard.around(ShardActor.create(m.recipe(), r), r.index()),
                        m.runId() + "-" + spawns + "-shard-" + r.index(),
                        DispatcherSelector.fromConfig(StepCoordinator.COMPUTE_DISPATCHER)));
            }
        } catch (RuntimeException e) {
            spawned.forEach(s -> getContext().stop(s));
            m.replyTo().tell(new Refused(node, "node " + node + " cannot start shards: " + e.getMessage()));
            return this;
        }
        runs.computeIfAbsent(m.replyTo(), k -> new ArrayList<>()).addAll(spawned);
        live.addAndGet(spawned.size());
        getContext().getLog().info("{}: shards {} here", m.runId(), m.ranges().stream().map(ShardRange::index).toList());
        getContext().watchWith(m.replyTo(), new RunEnded(m.replyTo()));
        m.replyTo().tell(new Spawned(node, m.ranges(), spawned));
        return this;
    }

    private Behavior<Command> onRunEnded(RunEnded m) {
        List<ActorRef<ShardActor.Command>> shards = runs.remove(m.supervisor());
        if (shards != null) {
            shards.forEach(s -> getContext().stop(s));
            live.addAndGet(-shards.size());
        }
        return this;
    }
}
