package org.ensemble.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParityDataTest {

    @Test
    void deterministicInSeedStepAndIndex() {
        int[] s = {1, 4};
        DataSourceChecks.assertDeterministic(new ParityData(10, s, 3), new ParityData(10, s, 3));
        DataSourceChecks.assertSeedMatters(new ParityData(10, s, 3), new ParityData(10, s, 4));
    }

    @Test
    void labelsAreTheParityOfTheSubsetAndBalanced() {
        int d = 12;
        int[] subset = {7, 0, 3};
        int n = 4000;
        ParityData p = new ParityData(d, subset, 99);
        double[] x = new double[d];
        double labelSum = 0;
        int[] ones = new int[d];
        for (int t = 0; t < n; t++) {
            double y = t % 2 == 0 ? p.trainSample(t / 20, t % 20, x) : p.testSample(t, x);
            int bits = 0;
            for (int c = 0; c < d; c++) {
                assertTrue(x[c] == 0.0 || x[c] == 1.0, "bit");
                ones[c] += (int) x[c];
            }
            for (int i : subset) {
                bits += (int) x[i];
            }
            assertEquals(bits % 2 == 0 ? 1.0 : -1.0, y);
            labelSum += y;
        }
        // Mean label: SE = 1/√4000 ≈ 0.016; 4 SE.
        assertEquals(0.0, labelSum / n, 0.064);
        // Each bit ~ Bernoulli(1/2): SE of the fraction ≈ 0.0079; 4.5 SE (12 coordinates).
        for (int c = 0; c < d; c++) {
            assertEquals(0.5, ones[c] / (double) n, 0.036, "coordinate " + c);
        }
    }

    @Test
    void signsMapBitZeroToPlusOneAndLabelIsTheProduct() {
        int d = 9;
        int[] subset = {2, 5, 8, 1};
        ParityData bits = new ParityData(d, subset, false, 5);
        ParityData signs = new ParityData(d, subset, true, 5);
        double[] z = new double[d];
        double[] x = new double[d];
        for (int j = 0; j < 200; j++) {
            double yz = bits.trainSample(1, j, z);
            double yx = signs.trainSample(1, j, x);
            double prod = 1;
            for (int c = 0; c < d; c++) {
                assertEquals(1 - 2 * z[c], x[c], "same bits, mapped to ±1");
            }
            for (int i : subset) {
                prod *= x[i];
            }
            assertEquals(prod, yx);
            assertEquals(yz, yx);
        }
    }

    @Test
    void subsetIsCopiedAndSorted() {
        int[] s = {3, 1};
        ParityData p = new ParityData(4, s, 0);
        s[0] = 0;
        assertArrayEquals(new int[] {1, 3}, p.subset());
    }

    @Test
    void rejectsBadArguments() {
        assertMessage("d", () -> new ParityData(0, new int[] {0}, 1));
        assertMessage("subset", () -> new ParityData(4, new int[0], 1));
        assertMessage("subset", () -> new ParityData(4, null, 1));
        assertMessage("outside", () -> new ParityData(4, new int[] {1, 4}, 1));
        assertMessage("outside", () -> new ParityData(4, new int[] {-1}, 1));
        assertMessage("twice", () -> new ParityData(4, new int[] {2, 0, 2}, 1));
    }

    private static void assertMessage(String word, org.junit.jupiter.api.function.Executable e) {
        String m = assertThrows(IllegalArgumentException.class, e).getMessage();
        assertTrue(m.contains(word), m);
    }
}
