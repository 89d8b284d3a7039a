package org.ensemble.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.ensemble.training.NeuronPopulation;
import org.ensemble.network.Activation;
import org.ensemble.network.Loss;
import org.ensemble.network.NetworkSpec;
import org.ensemble.network.NeuronSlab;
import org.ensemble.network.TrainingRule;
import org.ensemble.population.BlockLayout;
import org.ensemble.training.NeuronShardWorker;
import org.ensemble.training.OutputMerge;
import org.ensemble.training.RunningLoss;
import org.ensemble.training.TrainingOutcome;
import org.ensemble.training.TrainingReport;
import org.ensemble.training.TrainingSpec;

/**
 * The peers' workload 2 (../shared/peers, meanfield-sgd): N neurons in R^d, f = (1/N) Σ σ(⟨w_i, x⟩)
 * with the ramp (or tanh), online SGD on MMN's isotropic Gaussians, w ~ N(0, I/d). Runs through
 * the actors (coordinator merging per-block sums and broadcasting the residual every step) or as
 * the raw workers on plain threads with a spinning barrier, to measure what the actors cost.
 *
 * <p>Both time the SGD loop, as the C peer does ("seconds covers the SGD loop only"): from the
 * first merge of step 0's sums to the end. Setting up (the actor system, each shard parsing the
 * scenario and drawing its neurons) happens once per run, whatever the number of steps, and is
 * reported apart ({@link Result#setupSeconds}), so that the actor overhead is the per-step cost.
 */
public final class MeanFieldSgdWorkload {
    /**
     * Timing and observables of one run: mean |w| at the end and the mean batch loss since the last
     * report before the end (the last ~20% of the steps).
     */
    public record Result(double seconds, double meanWNorm, double lateTrainRisk, long neuronSteps,
                         double setupSeconds) {
        public double rate() {
            return neuronSteps / seconds;
        }
    }

    public static final int BLOCK = 256;
    /** Raw mode: busy-wait iterations at a barrier before the waiting thread also yields (≈ tens of µs). */
    private static final int SPINS_BEFORE_YIELD = 1 << 12;
    private final TrainingSpec spec;

    public MeanFieldSgdWorkload(long n, int d, long steps, double lr, double delta, Activation act, long seed,
                                int threads) {
        NetworkSpec net = NetworkSpec.meanField(n, d, act);
        this.spec = TrainingSpec.of(org.ensemble.scenario.IsotropicTrainingScenarios.of(net, TrainingRule.sgd(lr, 1),
                delta, seed, seed, steps, Math.max(1, steps / 5), 0, BLOCK, threads,
                org.ensemble.step.Granularity.BLOCK));
    }

    public TrainingSpec spec() {
        return spec;
    }

    public Result viaActors() {
        TrainingReport[] last = new TrainingReport[1];
        // The coordinator's thread sees step 0's running loss right after the first merge, and the
        // last report just before the run ends.
        long[] loop = {0, 0};
        long t0 = System.nanoTime();
        TrainingOutcome out = NeuronPopulation.run(spec, m -> {
            if (m instanceof RunningLoss l && l.step() == 0) {
                loop[0] = System.nanoTime();
            }
            if (m instanceof TrainingReport r) {
                last[0] = r;
                loop[1] = System.nanoTime();
            }
        });
        long t1 = System.nanoTime();
        if (!out.ok()) {
            throw new IllegalStateException("benchmark run failed: " + out.message());
        }
        double secs = (loop[1] - loop[0]) / 1e9;
        return new Result(secs, mean(last[0].radii()), last[0].trainRisk(), spec.network().width() * spec.steps(),
                (t1 - t0) / 1e9 - secs);
    }

    /** The same workers on plain threads: thread 0 merges and broadcasts, a spin barrier per step. */
    public Result raw() throws InterruptedException {
        long n = spec.network().width();
        int d = spec.network().inputDim();
        BlockLayout layout = new BlockLayout(n, BLOCK);
        int shards = layout.shardsFor(spec.shards());
        List<NeuronShardWorker> workers = new ArrayList<>();
        int[][] logical = new int[shards][];
        for (int s = 0; s < shards; s++) {
            int fb = layout.firstBlockOf(s, shards);
            int lb = layout.firstBlockOf(s + 1, shards);
            long first = layout.blockStart(fb);
            long end = lb < layout.blocks() ? layout.blockStart(lb) : n;
            workers.add(new NeuronShardWorker(new NeuronSlab(first, (int) (end - first), d)
                    .initialize(spec.network(), spec.seed()), spec, BLOCK));
            logical[s] = new int[lb - fb];
            for (int b = 0; b < logical[s].length; b++) {
                logical[s][b] = fb + b;
            }
        }
        OutputMerge merge = new OutputMerge(layout.blocks(), logical, spec.network().scaling().outputScale(n));
        double[][] partials = new double[shards][];
        AtomicReferenceArray<double[]> coefs = new AtomicReferenceArray<>(1);
        AtomicInteger arrived = new AtomicInteger();
        long steps = spec.steps();
        double[] x = new double[d];
        double[] lossTail = new double[2];
        // The coordinator's last report before the end covers the steps after the previous report.
        long tailFrom = (steps - 1) / spec.reportEvery() * spec.reportEvery();
        Loss loss = spec.network().loss();
        double gradientScale = spec.network().scaling().gradientScale(n);
        long t0 = System.nanoTime();
        long[] loopStart = new long[1];
        Thread[] ts = new Thread[shards];
        for (int s = 0; s < shards; s++) {
            int me = s;
            ts[s] = new Thread(() -> {
                partials[me] = workers.get(me).start();
                for (long k = 0; k < steps; k++) {
                    // Two-phase spin barrier: shards + 1 arrivals per step, the last shard merges and
                    // publishes, then everyone updates. A worker writes its next sums only after the
                    // merge of this step is done, and the next merge waits for all of them.
                    long base = k * (shards + 1);
                    if (arrived.incrementAndGet() == base + shards) {
                        if (k == 0) {
                            loopStart[0] = System.nanoTime();
                        }
                        double[] f = merge.outputs(partials, 1);
                        double y = spec.data().trainLabel(k, 0, x);
                        if (k > tailFrom) {
                            lossTail[0] += loss.value(y, f[0]);
                            lossTail[1]++;
                        }
                        coefs.set(0, new double[] {gradientScale * loss.residual(y, f[0])});
                        arrived.incrementAndGet();
                    }
                    // Spin, and after a while also yield: a no-op on an idle machine, while on a busy
                    // one the thread being waited for may need this core.
                    for (int spins = 0; arrived.get() < base + shards + 1; spins++) {
                        if (spins < SPINS_BEFORE_YIELD) {
                            Thread.onSpinWait();
                        } else {
                            Thread.yield();
                        }
                    }
                    partials[me] = workers.get(me).step(k, coefs.get(0));
                }
            });
        }
        for (Thread t : ts) {
            t.start();
        }
        for (Thread t : ts) {
            t.join();
        }
        long t1 = System.nanoTime();
        double secs = (t1 - loopStart[0]) / 1e9;
        double norm = 0;
        for (NeuronShardWorker w : workers) {
            for (double r : w.slab().radii()) {
                norm += r;
            }
        }
        return new Result(secs, norm / n, lossTail[0] / lossTail[1], n * steps, (t1 - t0) / 1e9 - secs);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
