package org.ensemble.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HadamardDataTest {

    /** Sylvester's recursion, H_2n = [[H, H], [H, −H]], to check the popcount formula against. */
    static double[][] sylvester(int d) {
        double[][] h = {{1.0}};
        for (int n = 1; n < d; n *= 2) {
            double[][] next = new double[2 * n][2 * n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    next[r][c] = h[r][c];
                    next[r][c + n] = h[r][c];
                    next[r + n][c] = h[r][c];
                    next[r + n][c + n] = -h[r][c];
                }
            }
            h = next;
        }
        return h;
    }

    @Test
    void entryIsSylvesterAndRowsAreOrthogonal() {
        int d = 16;
        double[][] h = sylvester(d);
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                assertEquals(h[r][c], HadamardData.entry(r, c), "(" + r + ", " + c + ")");
            }
            for (int s = 0; s < d; s++) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += HadamardData.entry(r, c) * HadamardData.entry(s, c);
                }
                assertEquals(r == s ? d : 0, dot);
            }
        }
    }

    @Test
    void deterministicInSeedStepAndIndex() {
        DataSourceChecks.assertDeterministic(new HadamardData(8, 3, false, 1), new HadamardData(8, 3, false, 1));
        DataSourceChecks.assertSeedMatters(new HadamardData(8, 3, false, 1), new HadamardData(8, 3, false, 2));
    }

    @Test
    void samplesAreUniformRowsAndLabelsTheTargetColumn() {
        int d = 8;
        int target = 5;
        int n = 8000;
        double[][] h = sylvester(d);
        HadamardData s = new HadamardData(d, target, false, 77);
        double[] x = new double[d];
        int[] trainCount = new int[d];
        int[] testCount = new int[d];
        for (int t = 0; t < n; t++) {
            double y = s.trainSample(t / 50, t % 50, x);
            int r = rowOf(h, x, 1.0);
            trainCount[r]++;
            assertEquals(h[r][target], y);
            assertEquals(x[target], y);
            y = s.testSample(t, x);
            r = rowOf(h, x, 1.0);
            testCount[r]++;
            assertEquals(h[r][target], y);
        }
        // Each row has probability 1/8: count SD = √(8000·(1/8)·(7/8)) ≈ 29.6; 4.5 SD (16 counts).
        for (int r = 0; r < d; r++) {
            assertEquals(n / (double) d, trainCount[r], 133, "training row " + r);
            assertEquals(n / (double) d, testCount[r], 133, "held-out row " + r);
        }
    }

    @Test
    void normalizedRowsHaveUnitLengthAndUnscaledLabels() {
        int d = 32;
        double[][] h = sylvester(d);
        HadamardData s = new HadamardData(d, 0, true, 4);
        double[] x = new double[d];
        for (int j = 0; j < 100; j++) {
            double y = s.trainSample(2, j, x);
            double norm = 0;
            for (double v : x) {
                norm += v * v;
            }
            assertEquals(1.0, norm, 1e-12);
            rowOf(h, x, 1 / Math.sqrt(d));
            assertEquals(1.0, y, "column 0 of H is all ones");
        }
    }

    private static int rowOf(double[][] h, double[] x, double scale) {
        for (int r = 0; r < h.length; r++) {
            double[] row = h[r].clone();
            for (int c = 0; c < row.length; c++) {
                row[c] *= scale;
            }
            if (Arrays.equals(row, x)) {
                return r;
            }
        }
        fail("not a row of H: " + Arrays.toString(x));
        return -1;
    }

    @Test
    void rejectsBadArguments() {
        assertMessage("power of two", () -> new HadamardData(12, 0, false, 1));
        assertMessage("power of two", () -> new HadamardData(0, 0, false, 1));
        assertMessage("target", () -> new HadamardData(8, 8, false, 1));
        assertMessage("target", () -> new HadamardData(8, -1, false, 1));
    }

    @Test
    void dimensionOneIsHOne() {
        double[] x = new double[1];
        assertEquals(1.0, new HadamardData(1, 0, false, 1).trainSample(0, 0, x));
        assertArrayEquals(new double[] {1.0}, x);
    }

    private static void assertMessage(String word, org.junit.jupiter.api.function.Executable e) {
        String m = assertThrows(IllegalArgumentException.class, e).getMessage();
        assertTrue(m.contains(word), m);
    }
}
