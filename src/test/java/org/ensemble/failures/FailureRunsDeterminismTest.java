package org.ensemble.failures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ensemble.scenario.TrainingScenario;
import org.ensemble.scenario.TrainingScenarioLoader;
import org.ensemble.training.NeuronPopulation;
import org.ensemble.training.TrainingObserver;
import org.ensemble.training.TrainingReport;
import org.ensemble.training.TrainingSpec;
import org.junit.jupiter.api.Test;

/**
 * The studies' training runs are neuron runs: identical bits for 1, 2 and 3 shards and for one actor per neuron,
 * on each new data source, and fetching the final parameters at the last barrier changes no number.
 */
class FailureRunsDeterminismTest {
    private static final String[] DATA = {
        "type = linear-periodic, dimension = 6, norm = 2.0, direction-seed = 3",
        "type = block-parity, blocks = 3, block-dimension = 2, block = -1, teacher-seed = 4",
        "type = block-parity, blocks = 3, block-dimension = 2, block = 1, teacher-seed = 4",
        "type = parity, dimension = 12, signs = true, subset = [0, 1, 2]",
    };

    private static NetworkRun run(String data, int shards, String extra) {
        NetworkSettings ns = new NetworkSettings(10, "tanh", 0.5, 4, 60, 200, 1, 1, 1, shards);
        return NetworkRun.execute(ns.scenario("det", 7, data) + extra, "det", () -> false);
    }

    @Test
    void sameBitsForAnyShardCountAndGranularity() {
        for (String data : DATA) {
            NetworkRun one = run(data, 1, "block-size = 3\n");
            for (NetworkRun other : List.of(run(data, 2, "block-size = 3\n"), run(data, 3, "block-size = 3\n"),
                    run(data, 3, "granularity = neuron\nblock-size = 3\n"))) {
                assertEquals(Double.doubleToLongBits(one.finalTestRisk()), Double.doubleToLongBits(other.finalTestRisk()),
                        data);
                assertArrayEquals(one.network().w(), other.network().w(), data);
                assertArrayEquals(one.network().a(), other.network().a(), data);
                assertArrayEquals(one.network().b(), other.network().b(), data);
            }
        }
    }

    @Test
    void fetchingTheFinalParametersChangesNoNumber() {
        NetworkSettings ns = new NetworkSettings(10, "tanh", 0.5, 4, 60, 200, 1, 1, 1, 2);
        TrainingScenario s = TrainingScenarioLoader.loadString(ns.scenario("plain", 7, DATA[0]), "plain", List.of());
        double[] plain = {Double.NaN};
        NeuronPopulation.run(TrainingSpec.of(s), (TrainingObserver) (TrainingReport r) -> plain[0] = r.testRisk());
        NetworkRun fetched = NetworkRun.execute(s, () -> false);
        assertEquals(Double.doubleToLongBits(plain[0]), Double.doubleToLongBits(fetched.finalTestRisk()));
        // The fetched network reproduces the run's own held-out risk (same samples, same formula) to rounding.
        double sum = 0;
        double[] x = new double[6];
        for (int j = 0; j < 200; j++) {
            double y = s.data().testSample(j, x);
            double f = fetched.network().output(x);
            sum += 0.5 * (f - y) * (f - y);
        }
        assertEquals(fetched.finalTestRisk(), sum / 200, 1e-12);
    }
}
