package org.ensemble.failures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ensemble.data.BlockParityData;
import org.ensemble.implicitbias.StudyResult;
import org.junit.jupiter.api.Test;

/** Must show: end to end fails at k = 4 where the decomposition succeeds, with the same samples; the SNR falls. */
class DecompositionTest {
    @Test
    void blocksAreTheSameSamplesWhateverKAndTheLabelIsTheParityOfTheSubLabels() {
        BlockParityData all = new BlockParityData(3, 4, -1, 9, 5);
        BlockParityData more = new BlockParityData(5, 4, -1, 9, 5);
        double[] x = new double[12];
        double[] x5 = new double[20];
        double[] xj = new double[4];
        for (int s = 0; s < 50; s++) {
            double y = all.trainSample(s, 3, x);
            more.trainSample(s, 3, x5);
            double parity = 1;
            for (int j = 0; j < 3; j++) {
                double sj = all.forBlock(j).trainSample(s, 3, xj);
                for (int c = 0; c < 4; c++) {
                    assertEquals(x[j * 4 + c], xj[c]);
                    assertEquals(x[j * 4 + c], x5[j * 4 + c]);
                }
                assertEquals(all.subLabel(x, j), sj);
                parity *= sj;
            }
            assertEquals(parity, y);
        }
    }

    @Test
    void endToEndFailsAtFourBlocksWhereTheDecompositionSucceeds() {
        DecompositionSpec spec = new DecompositionSpec(new NetworkSettings(64, "tanh", 0.5, 32, 2000, 2000, 1, 1, 1,
                2), new int[] {1, 4}, 4, new long[] {1}, 0.1, 20_000);
        StudyResult r = DecompositionStudy.run(spec, () -> false, line -> { });
        StudyResult.Table t = r.tables().get(1);
        // k = 1: both are the same problem (one halfspace) and both learn it.
        assertTrue(t.value(0, "end_to_end_error") < 0.05 && t.value(0, "decomposition_error") < 0.05);
        // k = 4 (seed 1, 64,000 samples): end to end is near chance, the composed blocks are nearly exact; the
        // margin 0.15 is far below the measured gap (≈ 0.3) and far above the held-out noise (sd ≤ 0.011 at 2000).
        double e2e = t.value(1, "end_to_end_error");
        double dec = t.value(1, "decomposition_error");
        assertTrue(e2e > 0.2, "end to end " + e2e);
        assertTrue(dec < 0.05, "decomposition " + dec);
        assertTrue(e2e - dec > 0.15);
        // The label-dependent gradient's SNR at initialisation falls by more than 10× from k = 1 to k = 4.
        assertTrue(t.value(1, "end_to_end_gradient_snr") < t.value(0, "end_to_end_gradient_snr") / 10,
                t.rows().toString());
    }
}
