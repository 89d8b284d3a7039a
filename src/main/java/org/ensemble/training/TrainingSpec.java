package org.ensemble.training;

import org.ensemble.data.DataSource;
import org.ensemble.network.NetworkSpec;
import org.ensemble.network.TrainingRule;
import org.ensemble.step.Granularity;

/**
 * Everything a training run needs: the network, the rule, the data, the seed of the neurons'
 * initial values and noise, how many steps, when to report (every {@code reportEvery} steps and
 * at the end), the held-out samples per report, and how neurons split into blocks (the unit of
 * determinism) and shards, and the resolved scenario text it was made from ({@link NeuronRecipe}).
 */
public record TrainingSpec(NetworkSpec network, TrainingRule rule, DataSource data, long seed, long steps,
                           long reportEvery, int testSamples, int blockSize, int shards, Granularity granularity,
                           String scenario) {

    /** The spec of a training scenario; its resolved text is what shards rebuild their neurons from. */
    public static TrainingSpec of(org.ensemble.scenario.TrainingScenario s) {
        return new TrainingSpec(s.network(), s.rule(), s.data(), s.seed(), s.steps(), s.reportEvery(),
                s.testSamples(), s.blockSize(), s.shards(), s.granularity(), s.resolved());
    }

    public TrainingSpec {
        if (data.dimension() != network.inputDim()) {
            throw new IllegalArgumentException("data dimension " + data.dimension() + " differs from the network's "
                    + network.inputDim());
        }
        if (steps < 1 || reportEvery < 1) {
            throw new IllegalArgumentException("steps and report interval must be ≥ 1");
        }
        if (testSamples < 0 || blockSize < 1 || shards < 1) {
            throw new IllegalArgumentException("test samples ≥ 0, block size ≥ 1 and shards ≥ 1 expected");
        }
    }

    /** Mean-field time t = steps·ε. */
    public double time(long step) {
        return step * rule.lr();
    }

    public boolean reportsAt(long step) {
        return step % reportEvery == 0 || step == steps;
    }

    public int blocks() {
        return (int) ((network.width() + blockSize - 1) / blockSize);
    }
}
