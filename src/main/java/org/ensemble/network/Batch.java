package org.ensemble.network;

import org.ensemble.data.DataSource;

/** The B samples of one training step, inputs row-major (sample j at j·d). Reused step after step. */
public final class Batch {
    private final int size;
    private final int d;
    private final double[] x;
    private final double[] y;
    private final double[] row;
    private long step = -1;

    public Batch(int size, int d) {
        this.size = size;
        this.d = d;
        this.x = new double[size * d];
        this.y = new double[size];
        this.row = new double[d];
    }

    /** Fills this batch with the samples of training step {@code step}. */
    public Batch draw(DataSource data, long step) {
        for (int j = 0; j < size; j++) {
            y[j] = data.trainSample(step, j, row);
            System.arraycopy(row, 0, x, j * d, d);
        }
        this.step = step;
        return this;
    }

    public int size() {
        return size;
    }

    public int dimension() {
        return d;
    }

    /** Inputs, sample j at offset j·d (live array: do not modify). */
    public double[] inputs() {
        return x;
    }

    public double[] labels() {
        return y;
    }

    public long step() {
        return step;
    }
}
