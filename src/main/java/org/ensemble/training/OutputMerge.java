package org.ensemble.training;

import java.util.Arrays;

/**
 * Merges workers' per-block output sums into the network's outputs, deterministically: the sums of
 * each logical block are added in id order (a block worker contributes its block's sum once, a
 * neuron actor its own term), then the blocks in block order, then scaled. Either way the same
 * floating-point additions happen, so the outputs are bit-identical for any split.
 */
public final class OutputMerge {
    private final int blocks;
    private final int[][] logicalBlock;
    private final double scale;

    /**
     * @param logicalBlock for worker w (in id order), the logical block of each of its local blocks
     * @param scale        the output scale (1/N or 1/√N)
     */
    public OutputMerge(int blocks, int[][] logicalBlock, double scale) {
        this.blocks = blocks;
        this.logicalBlock = logicalBlock;
        this.scale = scale;
    }

    /** Outputs for {@code m} samples from {@code partials[w][localBlock·m + j]}. */
    public double[] outputs(double[][] partials, int m) {
        double[] acc = new double[blocks * m];
        for (int w = 0; w < partials.length; w++) {
            int[] lb = logicalBlock[w];
            double[] p = partials[w];
            for (int l = 0; l < lb.length; l++) {
                int base = lb[l] * m;
                for (int j = 0; j < m; j++) {
                    acc[base + j] += p[l * m + j];
                }
            }
        }
        double[] f = new double[m];
        Arrays.fill(f, 0.0);
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < m; j++) {
                f[j] += acc[b * m + j];
            }
        }
        for (int j = 0; j < m; j++) {
            f[j] *= scale;
        }
        return f;
    }
}
