package org.ensemble.scenario;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.network.Activation;
import org.ensemble.network.NetworkSpec;
import org.ensemble.network.TrainingRule;
import org.ensemble.step.Granularity;

/**
 * A training scenario on isotropic Gaussian data written from its parts, for code that sets a run
 * up by hand (benchmarks, tests): the text is loaded like any scenario file, so the shards rebuild
 * exactly this network from it, and the loaded network and rule are checked to equal the parts.
 */
public final class IsotropicTrainingScenarios {
    private IsotropicTrainingScenarios() {
    }

    /** Reports every {@code reportEvery} steps; {@code steps} steps in all. */
    public static TrainingScenario of(NetworkSpec net, TrainingRule rule, double delta, long dataSeed, long seed,
                                      long steps, long reportEvery, int testSamples, int blockSize, int shards,
                                      Granularity granularity) {
        Activation act = net.activation();
        List<String> train = new ArrayList<>();
        if (net.trainA()) {
            train.add("a");
        }
        if (net.trainW()) {
            train.add("w");
        }
        if (net.trainB()) {
            train.add("b");
        }
        String text = "name = isotropic-training\nseed = " + seed + "\nshards = " + shards + "\ngranularity = "
                + (granularity == Granularity.MEMBER ? "neuron" : "block") + "\nblock-size = " + blockSize + "\n"
                + "data { type = isotropic-gaussians, dimension = " + net.inputDim() + ", delta = " + delta
                + ", seed = " + dataSeed + " }\n"
                + "network { width = " + net.width() + ", activation = " + act.kind().key()
                + (act.kind() == Activation.Kind.RAMP ? ", ramp { t1 = " + act.t1() + ", t2 = " + act.t2() + ", s1 = "
                + act.s1() + ", s2 = " + act.s2() + " }" : "")
                + ", scaling = " + net.scaling().key() + ", loss = " + net.loss().key() + ", train = "
                + train + ", init { w-scale = " + net.wScale() + ", a = " + net.aInit() + ", a-sd = " + net.aSd()
                + ", b = " + net.bInit() + ", b-sd = " + net.bSd() + " } }\n"
                + "training { lr = " + rule.lr() + ", batch = " + rule.batch() + ", steps = " + steps
                + ", weight-decay = " + rule.lambda() + (Double.isFinite(rule.beta()) ? ", beta = " + rule.beta() : "")
                + " }\n"
                + "observe { report-every = " + reportEvery * rule.lr() + ", test-samples = " + testSamples + " }\n";
        TrainingScenario s = TrainingScenarioLoader.loadString(text, "isotropic training scenario", List.of());
        if (!s.network().equals(net) || !s.rule().equals(rule) || s.steps() != steps || s.reportEvery() != reportEvery) {
            throw new IllegalStateException("the written scenario does not reproduce its parts: " + text);
        }
        return s;
    }
}
