package org.ensemble.failures.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.step.StepStatus;
import org.junit.jupiter.api.Test;

/** The online kind is deterministic for any shard plan, and its rules do what they say on a hand-checked case. */
class OnlineModelTest {
    private static final int D = 32;
    private static final HadamardStudy.Params P = new HadamardStudy.Params(new int[] {D}, 1, new double[0],
            new double[0], new double[0], new double[0], 8, 0.3, 4, 4);

    private static List<Object> trace(OnlineSpec spec, OnlineRunner runner) {
        List<Object> out = new ArrayList<>();
        var o = runner.run(spec, r -> {
            out.add(r.step());
            out.add(Double.doubleToRawLongBits(r.loss()));
            out.add(java.util.Arrays.toString(r.weights()));
        });
        assertEquals(StepStatus.COMPLETED, o.status(), o.message());
        return out;
    }

    @Test
    void everyRuleGivesIdenticalBytesFor1_2_7ShardsOnTheEngineAndInProcess() {
        double[] h = Sylvester.matrix(D);
        String[][] cases = {{"gd", "0.03125"}, {"egu", "0.3"}, {"eg", "0.5"}, {"spindly", "0.1"},
                {"signed-squares", "0.05"}, {"two-layer", "0.125"}};
        for (String[] c : cases) {
            // Two passes, so multi-pass schedules go through the protocol too.
            OnlineSpec one = HadamardStudy.spec(P, D, h, c[0], Double.parseDouble(c[1]), 7, 3);
            OnlineSpec spec = new OnlineSpec(one.recipe(), one.y(), one.link(),
                    ExampleOrder.shuffled(D, 2, 7, 3), new long[] {1, 5, 17, 40, 64});
            List<Object> reference = trace(spec, OnlineRunner.inProcess(1, () -> false));
            assertEquals(18, reference.size(), c[0]);
            for (int shards : new int[] {1, 2, 7}) {
                assertEquals(reference, trace(spec, OnlineRunner.engine(shards, () -> false)), c[0] + " engine " + shards);
                assertEquals(reference, trace(spec, OnlineRunner.inProcess(shards, () -> false)), c[0] + " " + shards);
            }
        }
    }

    @Test
    void oneExampleStepsMatchTheirFormulas() {
        // Two instances in d = 2: x_0 = (1, 2), x_1 = (3, −1); y = (1, 0). One step on example 0 from
        // each rule's start, then the reported loss is the mean of (⟨w, x_j⟩ − y_j)² over both.
        double[] x = {1, 2, 3, -1};
        double[] y = {1, 0};
        double eta = 0.1;
        // GD from 0: z = 0, c = −1, w = η·x_0 = (0.1, 0.2).
        assertArrayEquals(new double[] {0.1, 0.2}, weightsAfterOne(OnlineRule.GD, 0, x, y, eta), 1e-15);
        // EGU from 0.5: z = 1.5, c = 0.5, w_i = 0.5·exp(−η·0.5·x_i).
        assertArrayEquals(new double[] {0.5 * Math.exp(-0.05), 0.5 * Math.exp(-0.1)},
                weightsAfterOne(OnlineRule.EGU, 0.5, x, y, eta), 1e-15);
        // EG from uniform (0.5, 0.5): z = 1.5, c = 0.5, w ∝ (exp(−0.05), exp(−0.1)).
        double z = Math.exp(-0.05) + Math.exp(-0.1);
        assertArrayEquals(new double[] {Math.exp(-0.05) / z, Math.exp(-0.1) / z},
                weightsAfterOne(OnlineRule.EG, 1, x, y, eta), 1e-15);
        // Spindly from u = v = 0.5 (w = 0.25 each): z = 0.75, c = −0.25, u_i = v_i = 0.5(1 + 0.1·0.25·x_i).
        double u0 = 0.5 * (1 + 0.025);
        double u1 = 0.5 * (1 + 0.05);
        assertArrayEquals(new double[] {u0 * u0, u1 * u1}, weightsAfterOne(OnlineRule.SPINDLY, 0.5, x, y, eta), 1e-15);
        // Signed squares from u = v = 0.5 (w = 0): c = −1, u_i = 0.5(1 + 0.2 x_i), v_i = 0.5(1 − 0.2 x_i).
        double[] signed = weightsAfterOne(OnlineRule.SIGNED_SQUARES, 0.5, x, y, eta);
        assertEquals(0.25 * (Math.pow(1.2, 2) - Math.pow(0.8, 2)), signed[0], 1e-15);
        assertEquals(0.25 * (Math.pow(1.4, 2) - Math.pow(0.6, 2)), signed[1], 1e-15);
    }

    private static double[] weightsAfterOne(OnlineRule rule, double init, double[] x, double[] y, double eta) {
        OnlineSpec spec = new OnlineSpec(OnlineRecipe.linear(2, 2, x, rule, init, eta, 1), y, Link.identity(),
                new int[] {0}, new long[0]);
        double[][] w = new double[1][];
        double[] loss = new double[1];
        OnlinePopulation.runInProcess(spec, r -> {
            w[0] = r.weights();
            loss[0] = r.loss();
        }, 2, () -> false);
        double l = 0;
        for (int j = 0; j < 2; j++) {
            double zj = x[2 * j] * w[0][0] + x[2 * j + 1] * w[0][1];
            l += (zj - y[j]) * (zj - y[j]) / 2;
        }
        assertEquals(l, loss[0], 1e-15);
        return w[0];
    }
}
