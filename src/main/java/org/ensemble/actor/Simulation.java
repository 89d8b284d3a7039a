package org.ensemble.actor;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.ensemble.dynamics.LangevinType;
import org.ensemble.engine.RunListener;
import org.ensemble.engine.RunOutcome;
import org.ensemble.engine.ShardWorker;
import org.ensemble.kernel.Backend;
import org.ensemble.kernel.BackendUnavailableException;
import org.ensemble.kernel.LangevinSetup;
import org.ensemble.kernel.SlabStepper;
import org.ensemble.kernel.TiledLangevinStepper;
import org.ensemble.population.BlockLayout;
import org.ensemble.population.ParticleSlab;
import org.ensemble.population.Populations;

/**
 * Sets a run up (slabs, steppers, shard workers), starts an actor system with a coordinator,
 * and waits for the outcome. The compute dispatcher has one thread per shard, so shards step
 * in parallel while the coordinator and the metrics server stay responsive.
 */
public final class Simulation {
    private Simulation() {
    }

    /** Runs to the end (or to divergence); the listener sees every measure on the coordinator thread. */
    public static RunOutcome run(SimulationSpec spec, RunListener listener) {
        LangevinSetup setup = spec.setup();
        BlockLayout layout = spec.layout();
        boolean underdamped = setup.dynamics().type() == LangevinType.UNDERDAMPED;
        int d = setup.dimension();
        long seed = setup.seed();
        double beta = setup.dynamics().beta();
        Coordinator.Workers workers;
        int threads;
        if (spec.granularity() == Granularity.PARTICLE) {
            if (spec.backend().backend() != Backend.JAVA) {
                throw new BackendUnavailableException("granularity particle runs on backend java only (asked for "
                        + spec.backend().backend().key() + ")");
            }
            if (layout.particles() > 1_000_000) {
                throw new IllegalArgumentException("granularity particle is meant for small populations (≤ 1e6), got "
                        + layout.particles());
            }
            List<ParticleSlab> slabs = new ArrayList<>();
            for (long id = 0; id < layout.particles(); id++) {
                ParticleSlab s = new ParticleSlab(id, 1, d, underdamped);
                Populations.initialize(s, spec.init(), seed, beta);
                slabs.add(s);
            }
            workers = new Coordinator.ParticleWorkers(slabs, s -> new TiledLangevinStepper(setup, 1), layout,
                    setup.absorbing());
            threads = Math.max(1, spec.shards());
        } else {
            int shards = layout.shardsFor(spec.shards());
            List<ShardWorker> list = new ArrayList<>();
            for (int s = 0; s < shards; s++) {
                int fb = layout.firstBlockOf(s, shards);
                int lb = layout.firstBlockOf(s + 1, shards);
                long first = layout.blockStart(fb);
                long end = lb < layout.blocks() ? layout.blockStart(lb) : layout.particles();
                ParticleSlab slab = new ParticleSlab(first, (int) (end - first), d, underdamped);
                Populations.initialize(slab, spec.init(), seed, beta);
                SlabStepper stepper = spec.backend().create(setup);
                list.add(new ShardWorker(slab, stepper, layout, fb, lb - fb, spec.observation()));
            }
            workers = new Coordinator.BlockWorkers(list);
            threads = shards;
        }
        CompletableFuture<RunOutcome> done = new CompletableFuture<>();
        ActorSystem<Coordinator.Command> system = ActorSystem.create(
                Coordinator.create(spec.plan(), spec.observation(), workers, listener, done), "ensemble",
                config(threads));
        try {
            system.tell(new Coordinator.Start());
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RunOutcome(RunOutcome.Status.FAILED, 0, null, "interrupted", 0);
        } catch (ExecutionException e) {
            return new RunOutcome(RunOutcome.Status.FAILED, 0, null, String.valueOf(e.getCause()), 0);
        } finally {
            system.terminate();
            try {
                system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // Best effort: the outcome is already known.
            }
        }
    }

    static Config config(int threads) {
        return ConfigFactory.parseString(
                "pekko.loglevel = WARNING\n"
                        + "pekko.stdout-loglevel = WARNING\n"
                        + "pekko.log-dead-letters = off\n"
                        + "pekko.log-dead-letters-during-shutdown = off\n"
                        + "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off\n"
                        + Coordinator.COMPUTE_DISPATCHER + " {\n"
                        + "  type = Dispatcher\n"
                        + "  executor = thread-pool-executor\n"
                        + "  thread-pool-executor.fixed-pool-size = " + threads + "\n"
                        + "  throughput = 1\n"
                        + "}\n")
                .withFallback(ConfigFactory.load());
    }
}
