package org.ensemble.actor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.ensemble.network.NeuronSlab;
import org.ensemble.population.BlockLayout;
import org.ensemble.training.NeuronShardWorker;
import org.ensemble.training.OutputMerge;
import org.ensemble.training.TestSet;
import org.ensemble.training.TrainingListener;
import org.ensemble.training.TrainingOutcome;
import org.ensemble.training.TrainingSpec;

/**
 * Sets a training run up — neurons dealt to shards as whole blocks (or one actor per neuron) —
 * starts an actor system with a {@link TrainingCoordinator} and waits for the outcome.
 */
public final class Training {
    private Training() {
    }

    /** Microseconds an idle dispatcher thread spins before it parks (see {@link SpinningExecutorConfigurator}). */
    static final long SPIN_MICROS = Long.getLong("ensemble.training.spin-micros", 2000);

    /**
     * {@link Simulation#config} with the default dispatcher (the coordinator's) replaced by a spinning pool
     * of {@code threads} threads and the compute dispatcher made an alias of it: the coordinator and the
     * shards share the threads, and each per-step hand-off is taken by a spinning thread instead of
     * waking a parked one.
     */
    static com.typesafe.config.Config config(int threads) {
        if (SPIN_MICROS < 0) {
            return Simulation.config(threads);
        }
        return com.typesafe.config.ConfigFactory.parseString(
                "pekko.actor.default-dispatcher {\n"
                        + "  executor = \"" + SpinningExecutorConfigurator.class.getName() + "\"\n"
                        + "  spinning-executor.fixed-pool-size = " + threads + "\n"
                        + "  spinning-executor.spin-micros = " + SPIN_MICROS + "\n"
                        + "  throughput = 1\n"
                        + "}\n"
                        + Coordinator.COMPUTE_DISPATCHER + " = \"pekko.actor.default-dispatcher\"\n")
                .withFallback(Simulation.config(threads));
    }

    public static TrainingOutcome run(TrainingSpec spec, TrainingListener listener) {
        long width = spec.network().width();
        int d = spec.network().inputDim();
        BlockLayout layout = new BlockLayout(width, spec.blockSize());
        List<NeuronShardWorker> workers = new ArrayList<>();
        List<int[]> logical = new ArrayList<>();
        int threads;
        if (spec.perNeuronActors()) {
            if (width > 100_000) {
                throw new IllegalArgumentException("one actor per neuron is meant for small networks (≤ 1e5 neurons),"
                        + " got " + width);
            }
            for (long id = 0; id < width; id++) {
                NeuronSlab slab = new NeuronSlab(id, 1, d).initialize(spec.network(), spec.seed());
                workers.add(new NeuronShardWorker(slab, spec, 1));
                logical.add(new int[] {(int) (id / spec.blockSize())});
            }
            threads = spec.shards();
        } else {
            int shards = layout.shardsFor(spec.shards());
            for (int s = 0; s < shards; s++) {
                int fb = layout.firstBlockOf(s, shards);
                int lb = layout.firstBlockOf(s + 1, shards);
                long first = layout.blockStart(fb);
                long end = lb < layout.blocks() ? layout.blockStart(lb) : width;
                NeuronSlab slab = new NeuronSlab(first, (int) (end - first), d).initialize(spec.network(), spec.seed());
                workers.add(new NeuronShardWorker(slab, spec, spec.blockSize()));
                int[] map = new int[lb - fb];
                for (int b = 0; b < map.length; b++) {
                    map[b] = fb + b;
                }
                logical.add(map);
            }
            threads = shards;
        }
        OutputMerge merge = new OutputMerge(layout.blocks(), logical.toArray(int[][]::new),
                spec.network().scaling().outputScale(width));
        double[] testLabels = TestSet.labels(spec.data(), spec.testSamples());
        CompletableFuture<TrainingOutcome> done = new CompletableFuture<>();
        ActorSystem<TrainingCoordinator.Command> system = ActorSystem.create(
                TrainingCoordinator.create(spec, workers, merge, testLabels, listener, done), "ensemble-training",
                config(threads));
        try {
            system.tell(new TrainingCoordinator.Start());
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TrainingOutcome(TrainingOutcome.Status.FAILED, 0, "interrupted", 0);
        } catch (ExecutionException e) {
            return new TrainingOutcome(TrainingOutcome.Status.FAILED, 0, String.valueOf(e.getCause()), 0);
        } finally {
            system.terminate();
            try {
                system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // Best effort: the outcome is already known.
            }
        }
    }
}
