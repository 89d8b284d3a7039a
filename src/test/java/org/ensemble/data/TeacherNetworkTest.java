package org.ensemble.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ensemble.network.Activation;
import org.junit.jupiter.api.Test;

class TeacherNetworkTest {
    private static final Activation TANH = Activation.of(Activation.Kind.TANH);
    private static final Activation RELU = Activation.of(Activation.Kind.RELU);

    @Test
    void deterministicInSeedStepAndIndex() {
        DataSourceChecks.assertDeterministic(new TeacherNetwork(5, 3, TANH, 1, 2), new TeacherNetwork(5, 3, TANH, 1, 2));
        DataSourceChecks.assertSeedMatters(new TeacherNetwork(5, 3, TANH, 1, 2), new TeacherNetwork(5, 3, TANH, 1, 3));
    }

    @Test
    void teacherDependsOnTeacherSeedOnly() {
        TeacherNetwork a = new TeacherNetwork(6, 4, RELU, 1.0, 1.0, "gaussian", 0.5, 0.0, 9, 100);
        TeacherNetwork b = new TeacherNetwork(6, 4, RELU, 1.0, 1.0, "gaussian", 0.5, 0.0, 9, 200);
        TeacherNetwork c = new TeacherNetwork(6, 4, RELU, 1.0, 1.0, "gaussian", 0.5, 0.0, 10, 100);
        assertArrayEquals(a.teacherWeights(), b.teacherWeights());
        assertArrayEquals(a.teacherOutputWeights(), b.teacherOutputWeights());
        assertArrayEquals(a.teacherBiases(), b.teacherBiases());
        assertFalse(Arrays.deepEquals(a.teacherWeights(), c.teacherWeights()));
        assertFalse(Arrays.equals(a.teacherOutputWeights(), c.teacherOutputWeights()));
        assertFalse(Arrays.equals(a.teacherBiases(), c.teacherBiases()));
        // Same teacher, different samples.
        assertFalse(Arrays.equals(DataSourceChecks.train(a, 0, 0), DataSourceChecks.train(b, 0, 0)));
    }

    @Test
    void gettersReturnCopies() {
        TeacherNetwork t = new TeacherNetwork(4, 2, TANH, 1, 2);
        double[][] w = t.teacherWeights();
        double w00 = w[0][0];
        w[0][0] += 1;
        assertNotSame(w, t.teacherWeights());
        assertEquals(w00, t.teacherWeights()[0][0]);
        t.teacherOutputWeights()[0] = 7;
        t.teacherBiases()[0] = 7;
        assertEquals(1.0, t.teacherOutputWeights()[0]);
        assertEquals(0.0, t.teacherBiases()[0]);
    }

    @Test
    void defaultsAreOnesAndNoBias() {
        TeacherNetwork t = new TeacherNetwork(8, 5, TANH, 3, 4);
        double[] a = new double[5];
        Arrays.fill(a, 1.0);
        assertArrayEquals(a, t.teacherOutputWeights());
        assertArrayEquals(new double[5], t.teacherBiases());
    }

    @Test
    void labelsAreTheDirectEvaluationOfTheTeacher() {
        int d = 7;
        int k = 4;
        for (Activation act : new Activation[] {TANH, RELU, Activation.of(Activation.Kind.SIGMOID),
                Activation.of(Activation.Kind.RAMP)}) {
            TeacherNetwork t = new TeacherNetwork(d, k, act, 1.5, 2.0, "gaussian", 0.3, 0.0, 5, 6);
            double[][] w = t.teacherWeights();
            double[] a = t.teacherOutputWeights();
            double[] b = t.teacherBiases();
            double[] x = new double[d];
            for (int j = 0; j < 20; j++) {
                double y = j % 2 == 0 ? t.trainSample(j, j, x) : t.testSample(j, x);
                double f = 0;
                for (int i = 0; i < k; i++) {
                    double h = b[i];
                    for (int c = 0; c < d; c++) {
                        h += w[i][c] * x[c];
                    }
                    f += a[i] * act.value(h);
                }
                f /= k;
                assertEquals(f, y, 1e-12, act.describe() + " sample " + j);
                assertEquals(f, t.teacherOutput(x), 1e-12);
            }
        }
    }

    @Test
    void weightAndInputAndNoiseStatistics() {
        int d = 40;
        int k = 50;
        double wScale = 2.0;
        double inputScale = 0.5;
        double noise = 0.3;
        TeacherNetwork t = new TeacherNetwork(d, k, TANH, inputScale, wScale, "gaussian", 0.7, noise, 31, 32);
        // w* entries ~ N(0, wScale²/d): 2000 of them, SE of the mean square = σ²·√(2/2000) ≈ 0.032σ²; 5 SE.
        double sw = 0;
        for (double[] row : t.teacherWeights()) {
            for (double v : row) {
                sw += v * v;
            }
        }
        double wVar = wScale * wScale / d;
        assertEquals(wVar, sw / (k * d), 5 * wVar * Math.sqrt(2.0 / (k * d)));
        // a* ~ N(0, 1), b* ~ N(0, 0.49): 50 each, SE of the mean square = √(2/50)σ² = 0.2σ²; 4 SE.
        assertEquals(1.0, meanSquare(t.teacherOutputWeights()), 0.8);
        assertEquals(0.49, meanSquare(t.teacherBiases()), 0.4);

        int n = 3000;
        double[] x = new double[d];
        double sx = 0;
        double se = 0;
        for (int j = 0; j < n; j++) {
            double y = t.trainSample(j / 30, j % 30, x);
            for (double v : x) {
                sx += v * v;
            }
            double e = y - t.teacherOutput(x);
            se += e * e;
        }
        // x coordinates ~ N(0, 0.25): 120 000 of them, SE = 0.25·√(2/120000) ≈ 0.001; 5 SE.
        double xVar = inputScale * inputScale;
        assertEquals(xVar, sx / (n * (double) d), 5 * xVar * Math.sqrt(2.0 / (n * d)));
        // Label noise ~ N(0, 0.09): SE of the mean square = 0.09·√(2/3000) ≈ 0.0023; 5 SE.
        assertEquals(noise * noise, se / n, 5 * noise * noise * Math.sqrt(2.0 / n));
    }

    private static double meanSquare(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return s / v.length;
    }

    @Test
    void rejectsBadArguments() {
        assertMessage("d", () -> new TeacherNetwork(0, 2, TANH, 1, 2));
        assertMessage("k", () -> new TeacherNetwork(3, 0, TANH, 1, 2));
        assertMessage("activation", () -> new TeacherNetwork(3, 2, null, 1, 2));
        assertMessage("inputScale", () -> new TeacherNetwork(3, 2, TANH, 0.0, 1.0, "ones", 0, 0, 1, 2));
        assertMessage("wScale", () -> new TeacherNetwork(3, 2, TANH, 1.0, -1.0, "ones", 0, 0, 1, 2));
        assertMessage("outputWeights", () -> new TeacherNetwork(3, 2, TANH, 1.0, 1.0, "uniform", 0, 0, 1, 2));
        assertMessage("biasScale", () -> new TeacherNetwork(3, 2, TANH, 1.0, 1.0, "ones", -0.1, 0, 1, 2));
        assertMessage("labelNoise", () -> new TeacherNetwork(3, 2, TANH, 1.0, 1.0, "ones", 0, Double.NaN, 1, 2));
        assertMessage("length", () -> new TeacherNetwork(3, 2, TANH, 1, 2).teacherOutput(new double[2]));
    }

    private static void assertMessage(String word, org.junit.jupiter.api.function.Executable e) {
        String m = assertThrows(IllegalArgumentException.class, e).getMessage();
        assertTrue(m.contains(word), m);
    }
}
