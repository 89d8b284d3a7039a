package org.ensemble.bench;

import java.util.List;
import org.ensemble.scenario.SgdScenario;
import org.ensemble.scenario.SgdScenarioLoader;
import org.ensemble.sgd.SgdPopulation;
import org.ensemble.sgd.SgdSimulation;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;

/**
 * SGD workers on the two-layer network of the neuron kind (16 tanh neurons on isotropic Gaussians in
 * R^d, square loss, batch b per worker): M workers and a
 * parameter server under BSP (one round = one version = M·b gradient evaluations) or ASP with fixed
 * compute times (one round = M versions of b evaluations each), through the actors or as the plain
 * loop with the same numerics, to measure what the actors cost per round; the parameter server in
 * one piece or split into key ranges.
 */
public final class SgdWorkersWorkload {
    /** One timed run: seconds, server versions, rounds (step orders) and per-sample gradient evaluations. */
    public record Result(double seconds, long versions, long rounds, long gradients) {
        public double roundsPerSecond() {
            return rounds / seconds;
        }

        public double gradientsPerSecond() {
            return gradients / seconds;
        }
    }

    private final SgdScenario scenario;
    private final boolean bsp;

    public SgdWorkersWorkload(String policy, int workers, int d, int batch, long versions, long seed, int threads) {
        this(policy, workers, d, batch, versions, seed, threads, 1);
    }

    /** With the parameter server split into {@code serverShards} key ranges. */
    public SgdWorkersWorkload(String policy, int workers, int d, int batch, long versions, long seed, int threads,
                              int serverShards) {
        this.bsp = policy.equals("bsp");
        this.scenario = SgdScenarioLoader.loadString("""
                seed = %d
                shards = %d
                model { type = two-layer-network, width = 16, activation = tanh, test-samples = 100
                        data { type = isotropic-gaussians, dimension = %d, delta = 0.5 } }
                workers { count = %d, policy = %s, batch = %d, lr = 0.05, delay { model = fixed }, server-shards = %d }
                run { versions = %d, report-every = %d }
                """.formatted(seed, threads, d, workers, policy, batch, serverShards, versions, versions), "bench",
                List.of());
    }

    private Result result(double seconds) {
        long v = scenario.settings().versions();
        int m = scenario.settings().workers();
        long rounds = bsp ? v : (v + m - 1) / m;
        long perVersion = (long) (bsp ? m : 1) * scenario.settings().batch();
        return new Result(seconds, v, rounds, v * perVersion);
    }

    public Result viaActors() {
        long t0 = System.nanoTime();
        StepOutcome o = SgdPopulation.run(scenario, r -> {
        });
        if (o.status() != StepStatus.COMPLETED) {
            throw new IllegalStateException("benchmark run failed: " + o.message());
        }
        return result((System.nanoTime() - t0) / 1e9);
    }

    public Result raw() {
        long t0 = System.nanoTime();
        SgdSimulation.run(scenario.settings(), scenario.model(), r -> {
        });
        return result((System.nanoTime() - t0) / 1e9);
    }
}
