package org.ensemble.step;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Sequences a run of any population kind: spawns one shard actor per range, broadcasts each order,
 * gathers one partial per shard and hands them, in shard order, to the reducer, which decides the
 * next order or the end. Holds no numerics. A shard failure, a reducer exception or a stop request
 * (checked at every step barrier) ends the run with its own status; the outcome is always completed,
 * so the launcher never waits forever. At a barrier where the checkpoint sink wants one (and on a
 * stop request), the order just decided is held back while every shard sends its member arrays; the
 * sink writes them with the reducer's state, then the order goes out (or the run ends interrupted).
 * A run resumed from a checkpoint restores each shard's rows and broadcasts the reducer's saved order.
 */
public final class StepCoordinator extends AbstractBehavior<StepCoordinator.Command> {
    /** The dispatcher that shard actors compute on (configured by {@link Engine}). */
    public static final String COMPUTE_DISPATCHER = "ensemble.compute-dispatcher";
    /**
     * Set (by {@link Engine.Dispatch#PINNED}) to the number of pools {@code COMPUTE_DISPATCHER-k} of
     * one thread each: shard k then goes to pool k mod that number.
     */
    public static final String PINNED_THREADS = "ensemble.pinned-threads";

    public sealed interface Command extends WireMessage permits Start, PartialReady, SnapshotReady, ShardFailed {
    }

    public record Start() implements Command {
    }

    /** Shard {@code shard}'s answer to the order ending at {@code toStep}, and its compute time. */
    public record PartialReady(int shard, long toStep, Partial partial, long computeNanos) implements Command {
    }

    /** Shard {@code shard}'s member arrays for the checkpoint being taken. */
    public record SnapshotReady(int shard, List<StateArray> rows) implements Command {
    }

    /** Shard {@code shard} could not set up or run its order. */
    public record ShardFailed(int shard, String message) implements Command {
    }

    private final ModelRecipe recipe;
    private final List<ShardRange> ranges;
    private final Reducer reducer;
    private final BooleanSupplier stopRequested;
    private final CheckpointSink checkpoints;
    private final ResumePoint resume;
    private final CompletableFuture<StepOutcome> done;
    private final List<ActorRef<ShardActor.Command>> shards = new ArrayList<>();
    /** Shard actors already running elsewhere (one per range, on cluster nodes), or null to spawn them here. */
    private final List<ActorRef<ShardActor.Command>> placed;
    private final Partial[] partials;
    private final long[] nanos;
    private final List<List<StateArray>> snapshots;
    private int pending;
    private long started;
    /** The order held back while a checkpoint is taken, and whether the run ends after it. */
    private StepOrder held;
    private boolean stopping;

    private StepCoordinator(ActorContext<Command> context, ModelRecipe recipe, List<ShardRange> ranges,
                            Reducer reducer, BooleanSupplier stopRequested, CheckpointSink checkpoints,
                            ResumePoint resume, CompletableFuture<StepOutcome> done,
                            List<ActorRef<ShardActor.Command>> placed) {
        super(context);
        this.placed = placed;
        this.recipe = recipe;
        this.ranges = ranges;
        this.reducer = reducer;
        this.stopRequested = stopRequested;
        this.checkpoints = checkpoints;
        this.resume = resume;
        this.done = done;
        this.partials = new Partial[ranges.size()];
        this.nanos = new long[ranges.size()];
        this.snapshots = new ArrayList<>(java.util.Collections.nCopies(ranges.size(), null));
    }

    /** {@code resume} is null for a fresh run. */
    public static Behavior<Command> create(ModelRecipe recipe, List<ShardRange> ranges, Reducer reducer,
                                           BooleanSupplier stopRequested, CheckpointSink checkpoints,
                                           ResumePoint resume, CompletableFuture<StepOutcome> done) {
        return Behaviors.setup(ctx -> new StepCoordinator(ctx, recipe, ranges, reducer, stopRequested, checkpoints,
                resume, done, null));
    }

    /**
     * As above, with the shard actors already running elsewhere ({@code placed.get(k)} owns
     * {@code ranges.get(k)}, built from the same recipe, e.g. on cluster nodes): the protocol is the same
     * messages in the same order; only who spawned the shards differs.
     */
    public static Behavior<Command> create(List<ActorRef<ShardActor.Command>> placed, List<ShardRange> ranges,
                                           Reducer reducer, BooleanSupplier stopRequested,
                                           CheckpointSink checkpoints, ResumePoint resume,
                                           CompletableFuture<StepOutcome> done) {
        if (placed.size() != ranges.size()) {
            throw new IllegalArgumentException(placed.size() + " placed shards for " + ranges.size() + " ranges");
        }
        return Behaviors.setup(ctx -> new StepCoordinator(ctx, null, ranges, reducer, stopRequested, checkpoints,
                resume, done, List.copyOf(placed)));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Start.class, m -> onStart())
                .onMessage(PartialReady.class, this::onPartial)
                .onMessage(SnapshotReady.class, this::onSnapshot)
                .onMessage(ShardFailed.class, this::onShardFailed)
                .onSignal(PostStop.class, s -> onPostStop())
                .build();
    }

    private Behavior<Command> onStart() {
        started = System.nanoTime();
        DispatcherSelector compute = DispatcherSelector.fromConfig(COMPUTE_DISPATCHER);
        com.typesafe.config.Config config = getContext().getSystem().settings().config();
        int pinned = config.hasPath(PINNED_THREADS) ? config.getInt(PINNED_THREADS) : 0;
        if (placed != null) {
            shards.addAll(placed);
        } else {
            for (ShardRange r : ranges) {
                DispatcherSelector on = pinned > 0
                        ? DispatcherSelector.fromConfig(COMPUTE_DISPATCHER + "-" + r.index() % pinned) : compute;
                shards.add(getContext().spawn(ShardActor.create(recipe, r), "shard-" + r.index(), on));
            }
        }
        try {
            if (resume == null) {
                broadcast(reducer.first());
                return this;
            }
            for (int k = 0; k < shards.size(); k++) {
                shards.get(k).tell(new ShardActor.Restore(resume.rowsOf(ranges.get(k)), resume.step(), getContext()
                        .getSelf()));
            }
            broadcast(reducer.resume(resume.reducer()));
            return this;
        } catch (RuntimeException e) {
            return finish(StepStatus.FAILED, message(e));
        }
    }

    private void broadcast(StepOrder order) {
        pending = shards.size();
        for (ActorRef<ShardActor.Command> s : shards) {
            s.tell(new ShardActor.Phase(order, getContext().getSelf()));
        }
    }

    private Behavior<Command> onPartial(PartialReady p) {
        partials[p.shard()] = p.partial();
        nanos[p.shard()] = p.computeNanos();
        if (--pending > 0) {
            return this;
        }
        Decision d;
        try {
            d = reducer.reduce(Arrays.asList(partials), nanos);
        } catch (RuntimeException e) {
            return finish(StepStatus.FAILED, message(e));
        }
        if (d instanceof Decision.Finish f) {
            return finish(f.status(), f.message());
        }
        StepOrder next = ((Decision.Next) d).order();
        stopping = stopRequested.getAsBoolean();
        if (stopping && !checkpoints.enabled()) {
            return finish(StepStatus.INTERRUPTED, "interrupted at step " + reducer.step() + "; the outputs keep"
                    + " everything measured up to it");
        }
        if (stopping || checkpoints.due(reducer.step())) {
            held = next;
            pending = shards.size();
            shards.forEach(s -> s.tell(new ShardActor.Snapshot(getContext().getSelf())));
            return this;
        }
        broadcast(next);
        return this;
    }

    private Behavior<Command> onSnapshot(SnapshotReady r) {
        snapshots.set(r.shard(), r.rows());
        if (--pending > 0) {
            return this;
        }
        try {
            checkpoints.write(reducer.step(), reducer.checkpoint(), new ArrayList<>(snapshots));
        } catch (RuntimeException e) {
            return finish(StepStatus.FAILED, "cannot write the checkpoint at step " + reducer.step() + ": "
                    + message(e));
        }
        java.util.Collections.fill(snapshots, null);
        if (stopping) {
            return finish(StepStatus.INTERRUPTED, "interrupted at step " + reducer.step() + "; a checkpoint was"
                    + " written there");
        }
        broadcast(held);
        held = null;
        return this;
    }

    private Behavior<Command> onShardFailed(ShardFailed f) {
        return finish(StepStatus.FAILED, "shard " + f.shard() + ": " + f.message());
    }

    private Behavior<Command> finish(StepStatus status, String message) {
        shards.forEach(s -> s.tell(new ShardActor.Stop()));
        done.complete(new StepOutcome(status, reducer.step(), message, (System.nanoTime() - started) / 1e9));
        return Behaviors.stopped();
    }

    private Behavior<Command> onPostStop() {
        // Stopped without a decision (a bug in this class, or the system shutting down): never leave the launcher waiting.
        done.complete(new StepOutcome(StepStatus.FAILED, reducer.step(), "the coordinator stopped unexpectedly", 0));
        return this;
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
