package org.ensemble.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ensemble.data.IsotropicGaussians;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's fast path ({@code rampSweep}, neurons in groups with a branch-free ramp) gives the
 * same bits as the fused general loop and as the unfused update-then-forward, step after step, with
 * the scalar inner loops and both vector shapes.
 */
class RampSweepTest {
    private static final int N = 700;
    private static final int D = 40;

    @Test
    void rampSweepEqualsTheGeneralPaths() {
        compare(Activation.of(Activation.Kind.RAMP), 37, 23, 400);
    }

    @Test
    void rampWithOtherConstantsAndAnOddDimension() {
        compare(Activation.ramp(-0.3, 0.4, 0.1, 2.0), 64, 13, 300);
    }

    private static void compare(Activation act, int block, int d, int steps) {
        NetworkSpec spec = NetworkSpec.meanField(N, d, act);
        TrainingRule rule = TrainingRule.sgd(0.005, 1);
        DenseOps[] ops = {new ScalarDenseOps(), new VectorDenseOps(true), new VectorDenseOps(false)};
        int paths = 3 * ops.length;
        NeuronStepper[] st = new NeuronStepper[paths];
        for (int m = 0; m < paths; m++) {
            st[m] = new NeuronStepper(new NeuronSlab(0, N, d).initialize(spec, 5), block, spec, rule, 5, ops[m / 3]);
            st[m].pathLimit = m % 3;
        }
        IsotropicGaussians data = new IsotropicGaussians(d, 0.5, 5);
        double[][] out = new double[paths][st[0].blocks()];
        for (int m = 0; m < paths; m++) {
            st[m].forward(new Batch(1, d).draw(data, 0), out[m]);
        }
        Batch cur = new Batch(1, d).draw(data, 0);
        Batch next = new Batch(1, d);
        int inside = 0;
        for (long k = 0; k < steps; k++) {
            double f = 0;
            for (double o : out[0]) {
                f += o;
            }
            double[] coef = {cur.labels()[0] - f / N};
            next.draw(data, k + 1);
            for (int m = 0; m < paths; m++) {
                st[m].updateThenForward(k, coef, next, out[m]);
            }
            for (int m = 1; m < paths; m++) {
                assertArrayEquals(bits(out[0]), bits(out[m]), "block sums, path " + m + ", step " + k);
                assertArrayEquals(bits(st[0].slab().w()), bits(st[m].slab().w()), "w, path " + m + ", step " + k);
            }
            Batch t = cur;
            cur = next;
            next = t;
        }
        // The run must exercise all three pieces of the ramp, or the comparison proves little.
        double[] w = st[0].slab().w();
        double[] x = cur.inputs();
        int low = 0;
        int high = 0;
        for (int i = 0; i < N; i++) {
            double h = new ScalarDenseOps().dot(w, i * d, x, 0, d);
            if (h <= act.t1()) {
                low++;
            } else if (h >= act.t2()) {
                high++;
            } else {
                inside++;
            }
        }
        assertEquals(true, low > 0 && high > 0 && inside > 0, low + " / " + inside + " / " + high);
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}
