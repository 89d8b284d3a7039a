package org.ensemble.actor;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.ensemble.engine.BlockStatistics;
import org.ensemble.engine.ShardWorker;
import org.ensemble.engine.StatisticsLevel;

/**
 * Owns a contiguous range of blocks and advances them when the coordinator asks: many sub-steps
 * per message for independent particles, one step per message (with the broadcast field) for
 * interacting ones. Replies with per-block statistics. Runs on the compute dispatcher.
 */
public final class ShardActor extends AbstractBehavior<ShardActor.Command> {

    public sealed interface Command permits Advance, Stop {
    }

    /**
     * Advance steps fromStep+1 … fromStep+steps with the broadcast {@code field}, then report
     * statistics at {@code level}.
     */
    public record Advance(long fromStep, int steps, double[] field, StatisticsLevel level,
                          ActorRef<Coordinator.Command> replyTo) implements Command {
    }

    public record Stop() implements Command {
    }

    private final ShardWorker worker;
    private final int index;

    private ShardActor(ActorContext<Command> context, ShardWorker worker, int index) {
        super(context);
        this.worker = worker;
        this.index = index;
    }

    public static Behavior<Command> create(ShardWorker worker, int index) {
        return Behaviors.setup(ctx -> new ShardActor(ctx, worker, index));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Advance.class, this::onAdvance)
                .onMessage(Stop.class, m -> Behaviors.stopped())
                .onSignal(PostStop.class, s -> {
                    worker.close();
                    return this;
                })
                .build();
    }

    private Behavior<Command> onAdvance(Advance m) {
        long t0 = System.nanoTime();
        try {
            worker.advance(m.fromStep(), m.steps(), m.field());
            long t1 = System.nanoTime();
            List<BlockStatistics> stats = worker.statistics(m.level(), m.fromStep(), m.fromStep() + m.steps());
            long t2 = System.nanoTime();
            m.replyTo().tell(new Coordinator.ShardReport(index, m.fromStep() + m.steps(), stats, t1 - t0, t2 - t1,
                    worker.activeCount(), null));
        } catch (RuntimeException e) {
            m.replyTo().tell(new Coordinator.ShardReport(index, m.fromStep() + m.steps(), List.of(), 0, 0, 0,
                    e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        return this;
    }
}
