package org.ensemble.training;

import org.ensemble.data.DataSource;

/** The held-out samples of a data source, drawn once: inputs row-major, labels. */
public final class TestSet {
    private TestSet() {
    }

    public static double[] inputs(DataSource data, int m) {
        int d = data.dimension();
        double[] x = new double[m * d];
        double[] row = new double[d];
        for (int j = 0; j < m; j++) {
            data.testSample(j, row);
            System.arraycopy(row, 0, x, j * d, d);
        }
        return x;
    }

    public static double[] labels(DataSource data, int m) {
        double[] y = new double[m];
        double[] row = new double[data.dimension()];
        for (int j = 0; j < m; j++) {
            y[j] = data.testSample(j, row);
        }
        return y;
    }
}
