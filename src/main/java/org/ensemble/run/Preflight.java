package org.ensemble.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ensemble.dynamics.LangevinType;
import org.ensemble.scenario.Scenario;
import org.ensemble.scenario.TrainingScenario;

/**
 * Checks made before a run starts anything (metrics server, backend, run directory), so that a run
 * that cannot succeed is refused in one line, with nothing written: an {@code --out} that cannot be
 * created, and a population that does not fit in the JVM's heap.
 */
public final class Preflight {
    /** Heap the JVM needs besides the population (actor system, plots, the observers' buffers). */
    static final long BASE_BYTES = 256L << 20;

    private Preflight() {
    }

    /** Refuses an output directory whose nearest existing ancestor is not a writable directory. */
    public static void outputDirectory(Path out) {
        Path p = out.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        if (p.equals(out.toAbsolutePath().normalize()) && Files.isDirectory(p)) {
            p = p.getParent() == null ? p : p.getParent(); // the run is staged beside it
        }
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("--out " + out + ": cannot create it, " + p + " is a file");
        }
        if (!Files.isWritable(p)) {
            throw new IllegalArgumentException("--out " + out + ": cannot create it, " + p + " is not writable");
        }
    }

    /**
     * Heap a Langevin run needs: per particle its positions (and velocities), hit step, target and
     * active slot, twice (a checkpoint copies the state while it is written), plus the positions a
     * PDE comparison collects at reports.
     */
    public static long langevinBytes(Scenario s) {
        int d = s.dimension();
        long state = 8L * d * (s.dynamics().type() == LangevinType.UNDERDAMPED ? 2 : 1) + 16;
        long perParticle = 2 * state + (s.pde().isPresent() ? 16L * d : 0);
        return BASE_BYTES + perParticle * s.populationSize();
    }

    /**
     * Heap a training run needs: per neuron w, a, b and the cached σ, σ' of a batch, twice (checkpoint
     * copy), the neurons' report arrays, and every shard's copy of the held-out inputs.
     */
    public static long trainingBytes(TrainingScenario s) {
        long d = s.network().inputDim();
        long batch = s.rule().batch();
        long perNeuron = 2 * (8 * d + 16) + 16 * batch + 24;
        return BASE_BYTES + perNeuron * s.network().width() + (long) s.shards() * s.testSamples() * d * 8;
    }

    public static void memory(Scenario s) {
        require(langevinBytes(s), "population.size = " + s.populationSize());
    }

    public static void memory(TrainingScenario s) {
        require(trainingBytes(s), "network.width = " + s.network().width());
    }

    static void require(long bytes, String what) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max) {
            long suggest = (long) Math.ceil(bytes * 1.25 / (1L << 30));
            throw new IllegalArgumentException(String.format("%s needs about %.1f GiB of heap, this JVM may use %.1f"
                    + " GiB; give it more with ENSEMBLE_JAVA_OPTS=-Xmx%dg ./ensemble ... (or make the population"
                    + " smaller)", what, bytes / (double) (1L << 30), max / (double) (1L << 30), suggest));
        }
    }
}
