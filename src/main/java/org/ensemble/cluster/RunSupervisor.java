package org.ensemble.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.ModelRecipe;
import org.ensemble.step.Reducer;
import org.ensemble.step.ResumePoint;
import org.ensemble.step.ShardActor;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepCoordinator;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;

/**
 * One run on the cluster, on the coordinator's node: waits (bounded) for enough shard hosts, deals the
 * shard ranges to them, collects the shard actors they spawn, then starts an unchanged
 * {@link StepCoordinator} with them and watches them. A shard that terminates before the run's outcome
 * (its node crashed and was downed) ends the run as failed, naming the node, so the launcher can resume
 * from the last checkpoint on the nodes that remain; a refusal (another version) is reported as such.
 */
final class RunSupervisor extends AbstractBehavior<RunSupervisor.Command> {
    sealed interface Command permits Listed, Answered, SetupTimedOut, ShardLost, CoordinatorEnded {
    }

    record Listed(Receptionist.Listing listing) implements Command {
    }

    record Answered(ShardHost.Reply reply) implements Command {
    }

    record SetupTimedOut() implements Command {
    }

    record ShardLost(int shard) implements Command {
    }

    record CoordinatorEnded() implements Command {
    }

    /**
     * What one run needs; {@code lost} hears the node a lost shard was on; {@code refused} a node's
     * refusal; {@code wire} counts the messages; {@code liveShards} is how many of its shards are placed
     * and not lost (the coordinator's meters).
     */
    record Job(String runId, String version, ModelRecipe recipe, List<ShardRange> ranges, Reducer reducer,
               BooleanSupplier stop, CheckpointSink checkpoints, ResumePoint resume, int hosts, Duration setup,
               CompletableFuture<StepOutcome> done, Consumer<String> lost, Consumer<String> refused,
               WireVolume wire, AtomicInteger liveShards) {
    }

    private final Job job;
    private final ActorRef<ShardHost.Reply> replies;
    private final List<ActorRef<ShardActor.Command>> placed;
    private final String[] nodeOf;
    private int awaiting = -1;

    private RunSupervisor(ActorContext<Command> ctx, TimerScheduler<Command> timers, Job job) {
        super(ctx);
        this.job = job;
        this.replies = ctx.messageAdapter(ShardHost.Reply.class, Answered::new);
        this.placed = new ArrayList<>(java.util.Collections.nCopies(job.ranges().size(), null));
        this.nodeOf = new String[job.ranges().size()];
        timers.startSingleTimer(new SetupTimedOut(), job.setup());
        ctx.getSystem().receptionist().tell(Receptionist.subscribe(ShardHost.KEY,
                ctx.messageAdapter(Receptionist.Listing.class, Listed::new)));
    }

    static Behavior<Command> create(Job job) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new RunSupervisor(ctx, timers, job)));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Listed.class, this::onListed)
                .onMessage(Answered.class, this::onAnswered)
                .onMessage(SetupTimedOut.class, m -> onSetupTimedOut())
                .onMessage(ShardLost.class, this::onShardLost)
                .onMessage(CoordinatorEnded.class, m -> Behaviors.stopped())
                .build();
    }

    /** Once enough hosts are listed, deal contiguous runs of shards to them, in address order. */
    private Behavior<Command> onListed(Listed m) {
        List<ActorRef<ShardHost.Command>> hosts = new ArrayList<>(m.listing().getServiceInstances(ShardHost.KEY));
        if (awaiting >= 0 || hosts.size() < job.hosts()) {
            return this;
        }
        hosts.sort(Comparator.comparing(h -> h.path().toString()));
        int n = job.ranges().size();
        int used = Math.min(hosts.size(), n);
        String hash = WireFormat.hash(job.recipe());
        awaiting = used;
        for (int j = 0; j < used; j++) {
            List<ShardRange> mine = job.ranges().subList(j * n / used, (j + 1) * n / used);
            hosts.get(j).tell(new ShardHost.Spawn(job.runId(), job.version(), hash, job.recipe(), List.copyOf(mine),
                    replies));
        }
        return this;
    }

    private Behavior<Command> onAnswered(Answered m) {
        if (m.reply() instanceof ShardHost.Refused r) {
            job.refused().accept(r.message());
            return fail(r.message());
        }
        ShardHost.Spawned s = (ShardHost.Spawned) m.reply();
        for (int i = 0; i < s.ranges().size(); i++) {
            int k = s.ranges().get(i).index();
            placed.set(k, s.shards().get(i));
            nodeOf[k] = s.node();
            getContext().watchWith(s.shards().get(i), new ShardLost(k));
        }
        if (--awaiting > 0) {
            return this;
        }
        List<ActorRef<ShardActor.Command>> outboxes = new ArrayList<>();
        for (int k = 0; k < placed.size(); k++) {
            outboxes.add(getContext().spawn(WireTap.outbox(placed.get(k), job.wire()), "outbox-" + k));
        }
        job.liveShards().set(placed.size());
        ActorRef<StepCoordinator.Command> coordinator = getContext().spawn(WireTap.inbound(StepCoordinator.create(
                outboxes, job.ranges(), job.reducer(), job.stop(), job.checkpoints(), job.resume(), job.done()),
                job.wire()), "coordinator");
        getContext().watchWith(coordinator, new CoordinatorEnded());
        coordinator.tell(new StepCoordinator.Start());
        return this;
    }

    private Behavior<Command> onSetupTimedOut() {
        if (awaiting == 0 || job.done().isDone()) {
            return this;
        }
        return fail(awaiting < 0 ? "fewer than " + job.hosts() + " shard nodes registered within "
                + job.setup().toSeconds() + " s" : awaiting + " shard node(s) did not answer within "
                + job.setup().toSeconds() + " s");
    }

    private Behavior<Command> onShardLost(ShardLost m) {
        if (job.done().isDone()) {
            return this; // the run had ended; its shards stopping is expected
        }
        job.liveShards().decrementAndGet();
        job.lost().accept(nodeOf[m.shard()]);
        return fail("node " + nodeOf[m.shard()] + " (shard " + m.shard() + ") was lost at step "
                + job.reducer().step());
    }

    private Behavior<Command> fail(String message) {
        job.done().complete(new StepOutcome(StepStatus.FAILED, job.reducer().step(), message, 0));
        placed.forEach(s -> {
            if (s != null) {
                s.tell(new ShardActor.Stop());
            }
        });
        return Behaviors.stopped();
    }
}
