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
 * so the launcher never waits forever.
 */
public final class StepCoordinator extends AbstractBehavior<StepCoordinator.Command> {
    /** The dispatcher that shard actors compute on (configured by {@link Engine}). */
    public static final String COMPUTE_DISPATCHER = "ensemble.compute-dispatcher";

    public sealed interface Command extends WireMessage permits Start, PartialReady, ShardFailed {
    }

    public record Start() implements Command {
    }

    /** Shard {@code shard}'s answer to the order ending at {@code toStep}, and its compute time. */
    public record PartialReady(int shard, long toStep, Partial partial, long computeNanos) implements Command {
    }

    /** Shard {@code shard} could not set up or run its order. */
    public record ShardFailed(int shard, String message) implements Command {
    }

    private final ModelRecipe recipe;
    private final List<ShardRange> ranges;
    private final Reducer reducer;
    private final BooleanSupplier stopRequested;
    private final CompletableFuture<StepOutcome> done;
    private final List<ActorRef<ShardActor.Command>> shards = new ArrayList<>();
    private final Partial[] partials;
    private final long[] nanos;
    private int pending;
    private long started;

    private StepCoordinator(ActorContext<Command> context, ModelRecipe recipe, List<ShardRange> ranges,
                            Reducer reducer, BooleanSupplier stopRequested, CompletableFuture<StepOutcome> done) {
        super(context);
        this.recipe = recipe;
        this.ranges = ranges;
        this.reducer = reducer;
        this.stopRequested = stopRequested;
        this.done = done;
        this.partials = new Partial[ranges.size()];
        this.nanos = new long[ranges.size()];
    }

    public static Behavior<Command> create(ModelRecipe recipe, List<ShardRange> ranges, Reducer reducer,
                                           BooleanSupplier stopRequested, CompletableFuture<StepOutcome> done) {
        return Behaviors.setup(ctx -> new StepCoordinator(ctx, recipe, ranges, reducer, stopRequested, done));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Start.class, m -> onStart())
                .onMessage(PartialReady.class, this::onPartial)
                .onMessage(ShardFailed.class, this::onShardFailed)
                .onSignal(PostStop.class, s -> onPostStop())
                .build();
    }

    private Behavior<Command> onStart() {
        started = System.nanoTime();
        DispatcherSelector compute = DispatcherSelector.fromConfig(COMPUTE_DISPATCHER);
        for (ShardRange r : ranges) {
            shards.add(getContext().spawn(ShardActor.create(recipe, r), "shard-" + r.index(), compute));
        }
        try {
            broadcast(reducer.first());
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
        if (stopRequested.getAsBoolean()) {
            return finish(StepStatus.INTERRUPTED, "interrupted at step " + reducer.step() + "; the outputs keep"
                    + " everything measured up to it (there is no checkpoint to resume from yet: run again to redo)");
        }
        broadcast(((Decision.Next) d).order());
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
