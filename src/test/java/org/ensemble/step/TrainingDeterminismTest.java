package org.ensemble.step;

import org.ensemble.training.NeuronPopulation;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.network.Activation;
import org.ensemble.network.Loss;
import org.ensemble.network.NetworkSpec;
import org.ensemble.network.Scaling;
import org.ensemble.network.TrainingRule;
import org.ensemble.training.TrainingOutcome;
import org.ensemble.training.TrainingReport;
import org.ensemble.training.TrainingSpec;
import org.junit.jupiter.api.Test;

/** Training reports are bit-identical for 1, 2, 3 shards and one actor per neuron. */
class TrainingDeterminismTest {
    private static final int N = 300;
    private static final int D = 8;

    @Test
    void onlineSgdRamp() {
        check(NetworkSpec.meanField(N, D, Activation.of(Activation.Kind.RAMP)), TrainingRule.sgd(0.005, 1));
    }

    @Test
    void miniBatchSgdRamp() {
        check(NetworkSpec.meanField(N, D, Activation.of(Activation.Kind.RAMP)), TrainingRule.sgd(0.005, 4));
    }

    @Test
    void noisySgdAllParametersTanh() {
        NetworkSpec net = new NetworkSpec(N, D, Activation.of(Activation.Kind.TANH), Scaling.MEAN_FIELD, Loss.SQUARE,
                true, true, true, 1.0, 1.0, 0.3, 0.0, 0.2);
        check(net, new TrainingRule(0.01, 1, 1e-3, 1e4));
        check(net, new TrainingRule(0.01, 4, 1e-3, 1e4));
    }

    private static void check(NetworkSpec net, TrainingRule rule) {
        List<TrainingReport> ref = run(net, rule, 1, false);
        assertEquals(5, ref.size(), "reports at 0, 50, 100, 150, 200");
        for (int shards = 2; shards <= 3; shards++) {
            same(ref, run(net, rule, shards, false), shards + " shards");
        }
        same(ref, run(net, rule, 2, true), "one actor per neuron");
        assertTrue(Double.isFinite(ref.get(ref.size() - 1).testRisk()));
    }

    private static List<TrainingReport> run(NetworkSpec net, TrainingRule rule, int shards, boolean perNeuron) {
        TrainingSpec spec = TrainingSpec.of(org.ensemble.scenario.IsotropicTrainingScenarios.of(net, rule, 0.5, 3, 3,
                200, 50, 7, 16, shards, perNeuron ? Granularity.MEMBER : Granularity.BLOCK));
        List<TrainingReport> reports = new ArrayList<>();
        TrainingOutcome out = NeuronPopulation.run(spec, m -> {
            if (m instanceof TrainingReport r) {
                reports.add(r);
            }
        });
        assertTrue(out.ok(), out.message());
        return reports;
    }

    private static void same(List<TrainingReport> want, List<TrainingReport> got, String what) {
        assertEquals(want.size(), got.size(), what);
        for (int r = 0; r < want.size(); r++) {
            TrainingReport a = want.get(r);
            TrainingReport b = got.get(r);
            String at = what + ", report " + r;
            assertEquals(a.step(), b.step(), at);
            assertEquals(Double.doubleToRawLongBits(a.time()), Double.doubleToRawLongBits(b.time()), at);
            assertEquals(Double.doubleToRawLongBits(a.trainRisk()), Double.doubleToRawLongBits(b.trainRisk()),
                    at + " train risk");
            assertEquals(Double.doubleToRawLongBits(a.testRisk()), Double.doubleToRawLongBits(b.testRisk()),
                    at + " test risk");
            assertArrayEquals(bits(a.radii()), bits(b.radii()), at + " radii");
            assertArrayEquals(bits(a.a()), bits(b.a()), at + " a");
            assertArrayEquals(bits(a.b()), bits(b.b()), at + " b");
        }
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}
