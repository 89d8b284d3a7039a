package org.ensemble.actor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.ensemble.engine.BlockStatistics;
import org.ensemble.engine.Measure;
import org.ensemble.engine.ObservationSpec;
import org.ensemble.engine.RunListener;
import org.ensemble.engine.RunOutcome;
import org.ensemble.engine.RunPlan;
import org.ensemble.engine.ShardWorker;
import org.ensemble.engine.StatisticsLevel;
import org.ensemble.kernel.SlabStepper;
import org.ensemble.population.BlockLayout;
import org.ensemble.population.ParticleSlab;
import org.ensemble.dynamics.PairInteraction;

/**
 * Sequences the steps of a run. Each phase it tells every worker (shard or particle actor) to
 * advance, gathers their per-block statistics, merges them in block order into the measure,
 * hands the measure to the listener, and broadcasts the next field (the ensemble mean) for
 * interacting dynamics. Independent particles advance a whole report interval per phase.
 */
public final class Coordinator extends AbstractBehavior<Coordinator.Command> {
    /** The dispatcher that shards and particle actors compute on (configured in {@code Simulation}). */
    public static final String COMPUTE_DISPATCHER = "ensemble.compute-dispatcher";

    public sealed interface Command permits Start, ShardReport, ParticleReport {
    }

    public record Start() implements Command {
    }

    /** A shard's statistics after a phase; {@code failure} non-null if it could not advance. */
    public record ShardReport(int shard, long toStep, List<BlockStatistics> blocks, long advanceNanos,
                              long statisticsNanos, long active, String failure) implements Command {
    }

    /** A particle actor's state after a phase. */
    public record ParticleReport(long id, double[] position, double[] velocity, long hitStep, int hitTarget,
                                 String failure) implements Command {
    }

    /** Who advances the particles. */
    public sealed interface Workers permits BlockWorkers, ParticleWorkers {
    }

    /** Granularity block: one shard actor per worker. */
    public record BlockWorkers(List<ShardWorker> shards) implements Workers {
    }

    /** Granularity particle: one actor per particle, each with its own one-particle slab and stepper. */
    public record ParticleWorkers(List<ParticleSlab> particles, Function<ParticleSlab, SlabStepper> steppers,
                                  BlockLayout layout, boolean absorbing) implements Workers {
    }

    private final RunPlan plan;
    private final ObservationSpec spec;
    private final Workers workers;
    private final RunListener listener;
    private final CompletableFuture<RunOutcome> done;
    private final List<ActorRef<ShardActor.Command>> shards = new ArrayList<>();
    private final List<ActorRef<ParticleActor.Command>> particles = new ArrayList<>();

    private long step;
    private int chunk;
    private StatisticsLevel level;
    private int pending;
    private final List<BlockStatistics> collected = new ArrayList<>();
    private ParticleReport[] particleReports;
    private String failure;
    private double[] field;
    private long started;

    private Coordinator(ActorContext<Command> context, RunPlan plan, ObservationSpec spec, Workers workers,
                        RunListener listener, CompletableFuture<RunOutcome> done) {
        super(context);
        this.plan = plan;
        this.spec = spec;
        this.workers = workers;
        this.listener = listener;
        this.done = done;
    }

    public static Behavior<Command> create(RunPlan plan, ObservationSpec spec, Workers workers, RunListener listener,
                                           CompletableFuture<RunOutcome> done) {
        return Behaviors.setup(ctx -> new Coordinator(ctx, plan, spec, workers, listener, done));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Start.class, m -> onStart())
                .onMessage(ShardReport.class, this::onShardReport)
                .onMessage(ParticleReport.class, this::onParticleReport)
                .build();
    }

    private Behavior<Command> onStart() {
        started = System.nanoTime();
        DispatcherSelector compute = DispatcherSelector.fromConfig(COMPUTE_DISPATCHER);
        if (workers instanceof BlockWorkers b) {
            for (int s = 0; s < b.shards().size(); s++) {
                shards.add(getContext().spawn(ShardActor.create(b.shards().get(s), s), "shard-" + s, compute));
            }
        } else if (workers instanceof ParticleWorkers p) {
            for (ParticleSlab slab : p.particles()) {
                particles.add(getContext().spawn(ParticleActor.create(slab, p.steppers().apply(slab), p.absorbing()),
                        "particle-" + slab.firstId(), compute));
            }
            particleReports = new ParticleReport[p.particles().size()];
        }
        // Phase 0 observes the initial state.
        dispatch(0, StatisticsLevel.FULL);
        return this;
    }

    private void dispatch(int steps, StatisticsLevel lvl) {
        chunk = steps;
        level = lvl;
        collected.clear();
        if (!shards.isEmpty()) {
            pending = shards.size();
            for (ActorRef<ShardActor.Command> s : shards) {
                s.tell(new ShardActor.Advance(step, steps, field, lvl, getContext().getSelf()));
            }
        } else {
            pending = particles.size();
            for (ActorRef<ParticleActor.Command> p : particles) {
                p.tell(new ParticleActor.Advance(step, steps, field, getContext().getSelf()));
            }
        }
    }

    private Behavior<Command> onShardReport(ShardReport r) {
        if (r.failure() != null && failure == null) {
            failure = "shard " + r.shard() + ": " + r.failure();
        }
        collected.addAll(r.blocks());
        safely(() -> listener.onShardPhase(r.shard(), r.advanceNanos(), r.statisticsNanos()));
        return --pending == 0 ? finishPhase() : this;
    }

    private Behavior<Command> onParticleReport(ParticleReport r) {
        if (r.failure() != null && failure == null) {
            failure = "particle " + r.id() + ": " + r.failure();
        }
        particleReports[(int) (r.id() - ((ParticleWorkers) workers).particles().get(0).firstId())] = r;
        if (--pending > 0) {
            return this;
        }
        ParticleWorkers p = (ParticleWorkers) workers;
        BlockLayout layout = p.layout();
        int d = spec.dimension();
        for (int b = 0; b < layout.blocks(); b++) {
            int len = layout.blockLength(b);
            long first = layout.blockStart(b);
            ParticleSlab block = new ParticleSlab(first, len, d, false);
            for (int i = 0; i < len; i++) {
                ParticleReport pr = particleReports[(int) (first + i)];
                for (int c = 0; c < d; c++) {
                    block.positions()[c * len + i] = pr.position()[c];
                }
                block.hitSteps()[i] = pr.hitStep();
                block.hitTargets()[i] = pr.hitTarget();
            }
            collected.add(BlockStatistics.of(block, 0, len, b, spec, level, step, step + chunk));
        }
        return finishPhase();
    }

    private Behavior<Command> finishPhase() {
        step += chunk;
        if (failure != null) {
            return finish(RunOutcome.Status.FAILED, null, failure);
        }
        long t0 = System.nanoTime();
        collected.sort(Comparator.comparingInt(BlockStatistics::block));
        Measure m = Measure.merge(collected, spec, level, step, step * plan.dt());
        safely(() -> listener.onMerge(System.nanoTime() - t0));
        safely(() -> listener.onMeasure(m));
        if (failure != null) {
            return finish(RunOutcome.Status.FAILED, m, failure);
        }
        if (m.diverged()) {
            return finish(RunOutcome.Status.DIVERGED, m, m.nonFinite() + " particle(s) reached NaN or infinity by step "
                    + step + " (t = " + m.time() + "); the time step is probably too large for this potential");
        }
        if (step >= plan.totalSteps()) {
            return finish(RunOutcome.Status.COMPLETED, m, "completed");
        }
        if (spec.absorbing() && m.measured() == 0) {
            return finish(RunOutcome.Status.ALL_ABSORBED, m, "every particle reached a target by step " + step);
        }
        if (plan.interacting()) {
            field = fieldFrom(m);
        }
        int next = plan.nextChunk(step);
        dispatch(next, plan.reportsAt(step + next) ? StatisticsLevel.FULL : StatisticsLevel.MOMENTS);
        return this;
    }

    /**
     * The field broadcast for the next phase: the mean (mean pull), the pair force on grid nodes
     * from the deposited particles (GRID), or every position (PAIRS).
     */
    private double[] fieldFrom(Measure m) {
        PairInteraction pair = spec.pair();
        if (pair == null) {
            return java.util.Arrays.copyOf(m.mean(), Math.max(3, m.mean().length));
        }
        if (pair.method() == PairInteraction.Method.PAIRS) {
            return m.positions();
        }
        double[] p = m.deposit().clone();
        double total = 0;
        for (double w : p) {
            total += w;
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= total;
        }
        return pair.dimension() == 1 ? pair.forceTable(p) : pair.forceTable2(p);
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
            }
        }
    }

    private Behavior<Command> finish(RunOutcome.Status status, Measure last, String message) {
        shards.forEach(s -> s.tell(new ShardActor.Stop()));
        particles.forEach(p -> p.tell(new ParticleActor.Stop()));
        done.complete(new RunOutcome(status, step, last, message, (System.nanoTime() - started) / 1e9));
        return Behaviors.stopped();
    }
}
