package org.ensemble.step;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Runs the step protocol for any population kind: starts an actor system with a
 * {@link StepCoordinator}, waits for the outcome and shuts the system down within a bounded time.
 * If the actor system dies before the coordinator decides, the outcome is a failure, not a hang.
 */
public final class Engine {
    /** How long shutting the actor system down may take before the launcher gives up waiting. */
    private static final long SHUTDOWN_SECONDS = 30;

    /** Which dispatcher the shards compute on. */
    public enum Dispatch {
        /** A parking pool, one thread per shard: long phases (independent particles, many sub-steps). */
        PARKING,
        /**
         * Coordinator and shards share a spinning pool: one round trip per step, every ~50–100 µs
         * (see {@link SpinningExecutorConfigurator}).
         */
        SPINNING,
        /**
         * As {@link #SPINNING}, but each shard keeps one thread, as OpenMP's static schedule does: shard
         * k runs on spinning thread k mod {@code threads}, and the coordinator shares thread 0 with shard
         * 0. A shard's members stay in its core's caches, and a step's messages cross cores only to and
         * from the other shards. For block shards of equal cost, stepped every ~50–100 µs.
         */
        PINNED
    }

    /** Microseconds an idle spinning thread spins before it parks. */
    static final long SPIN_MICROS = Long.getLong("ensemble.training.spin-micros", 2000);

    /**
     * Runs the step protocol with its shards somewhere other than a fresh local actor system (the
     * nodes of a cluster, {@code org.ensemble.cluster}); the coordinator and reducer are the same.
     */
    public interface Placement {
        StepOutcome run(ModelRecipe recipe, List<ShardRange> ranges, Reducer reducer, BooleanSupplier stopRequested,
                        CheckpointSink checkpoints, ResumePoint resume);
    }

    /** Where this process's runs place their shards: null (the default) for this JVM. */
    private static volatile Placement placement;

    private Engine() {
    }

    /**
     * Sends every later run of this process to {@code p} (null: back to this JVM). Set once by the
     * command line for {@code --cluster}, so every kind runs there without passing it through.
     */
    public static void placeOn(Placement p) {
        placement = p;
    }

    public static StepOutcome run(ModelRecipe recipe, List<ShardRange> ranges, Reducer reducer, int threads,
                                  Dispatch dispatch, BooleanSupplier stopRequested) {
        return run(recipe, ranges, reducer, threads, dispatch, stopRequested, CheckpointSink.NONE, null);
    }

    /** As above, writing checkpoints to {@code checkpoints} and, unless {@code resume} is null, continuing from one. */
    public static StepOutcome run(ModelRecipe recipe, List<ShardRange> ranges, Reducer reducer, int threads,
                                  Dispatch dispatch, BooleanSupplier stopRequested, CheckpointSink checkpoints,
                                  ResumePoint resume) {
        Placement p = placement;
        if (p != null) {
            return p.run(recipe, ranges, reducer, stopRequested, checkpoints, resume);
        }
        CompletableFuture<StepOutcome> done = new CompletableFuture<>();
        ActorSystem<StepCoordinator.Command> system = ActorSystem.create(
                StepCoordinator.create(recipe, ranges, reducer, stopRequested, checkpoints, resume, done), "ensemble",
                SPIN_MICROS < 0 || dispatch == Dispatch.PARKING ? parking(threads)
                        : dispatch == Dispatch.PINNED ? pinned(threads) : spinning(threads));
        system.getWhenTerminated().thenRun(() -> done.complete(new StepOutcome(StepStatus.FAILED, reducer.step(),
                "the actor system stopped before the run ended", 0)));
        try {
            system.tell(new StepCoordinator.Start());
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StepOutcome(StepStatus.INTERRUPTED, reducer.step(), "interrupted", 0);
        } catch (ExecutionException e) {
            return new StepOutcome(StepStatus.FAILED, reducer.step(), StepCoordinator.message(e.getCause()), 0);
        } finally {
            system.terminate();
            try {
                system.getWhenTerminated().toCompletableFuture().get(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // Best effort: the outcome is already known.
            }
        }
    }

    static Config parking(int threads) {
        return ConfigFactory.parseString(
                "pekko.loglevel = WARNING\n"
                        + "pekko.stdout-loglevel = WARNING\n"
                        + "pekko.log-dead-letters = off\n"
                        + "pekko.log-dead-letters-during-shutdown = off\n"
                        + "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off\n"
                        + StepCoordinator.COMPUTE_DISPATCHER + " {\n"
                        + "  type = Dispatcher\n"
                        + "  executor = thread-pool-executor\n"
                        + "  thread-pool-executor.fixed-pool-size = " + threads + "\n"
                        + "  throughput = 1\n"
                        + "}\n")
                .withFallback(ConfigFactory.load());
    }

    /**
     * {@link #parking} with the default dispatcher (the coordinator's) replaced by a spinning pool of
     * {@code threads} threads and the compute dispatcher made an alias of it: coordinator and shards
     * share the threads, and each per-step hand-off is taken by a spinning thread instead of waking a
     * parked one.
     */
    static Config spinning(int threads) {
        return ConfigFactory.parseString(
                "pekko.actor.default-dispatcher {\n"
                        + spinningPool(threads, false)
                        + "}\n"
                        + StepCoordinator.COMPUTE_DISPATCHER + " = \"pekko.actor.default-dispatcher\"\n")
                .withFallback(parking(threads));
    }

    /**
     * {@link #spinning} split into {@code threads} pools of one spinning thread each: the default
     * dispatcher (the coordinator's) is pool 0, and {@code ensemble.compute-dispatcher-k} is pool k,
     * where the coordinator puts shard k mod {@code threads} ({@link StepCoordinator#PINNED_THREADS}).
     */
    static Config pinned(int threads) {
        StringBuilder pools = new StringBuilder(StepCoordinator.COMPUTE_DISPATCHER)
                .append("-0 = \"pekko.actor.default-dispatcher\"\n");
        for (int k = 1; k < threads; k++) {
            pools.append(StepCoordinator.COMPUTE_DISPATCHER).append('-').append(k).append(" {\n")
                    .append("  type = Dispatcher\n")
                    .append(spinningPool(1, true))
                    .append("}\n");
        }
        pools.append("pekko.actor.default-dispatcher.spinning-executor.yield-after-polls = ")
                .append(YIELD_AFTER_POLLS).append('\n')
                .append(StepCoordinator.PINNED_THREADS).append(" = ").append(threads).append('\n');
        return ConfigFactory.parseString(pools.toString()).withFallback(spinning(1));
    }

    /**
     * Idle polls after which a pinned pool's thread also yields between polls (≈ 100 µs): a pinned
     * shard cannot move to another thread, so on a busy machine the thread it waits for must get a
     * core (without this, 10⁴ neurons ran up to 10× slower at load 10). The shared pool keeps its
     * behaviour (no yield), so the kinds on it run as before.
     */
    static final int YIELD_AFTER_POLLS = 1 << 12;

    /** A dispatcher's executor lines for a spinning pool of {@code threads} threads. */
    private static String spinningPool(int threads, boolean yield) {
        return "  executor = \"" + SpinningExecutorConfigurator.class.getName() + "\"\n"
                + "  spinning-executor.fixed-pool-size = " + threads + "\n"
                + "  spinning-executor.spin-micros = " + SPIN_MICROS + "\n"
                + (yield ? "  spinning-executor.yield-after-polls = " + YIELD_AFTER_POLLS + "\n" : "")
                + "  throughput = 1\n";
    }
}
