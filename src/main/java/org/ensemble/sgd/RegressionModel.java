package org.ensemble.sgd;

import org.ensemble.data.DataSource;

/**
 * Linear or logistic regression w·a on a data source: slot j of draw k is the source's training
 * sample (k, j). Square loss ½(w·a − y)², or logistic loss log(1 + e^{−y w·a}) with y taken as
 * its sign (±1). The loss reported is the mean over the source's first {@code testSamples} held-out
 * samples, drawn once.
 */
public final class RegressionModel implements SgdModel {
    public enum Loss { SQUARE, LOGISTIC }

    private final DataSource data;
    private final Loss loss;
    private final double[][] testX;
    private final double[] testY;

    public RegressionModel(DataSource data, Loss loss, int testSamples) {
        this.data = data;
        this.loss = loss;
        this.testX = new double[testSamples][data.dimension()];
        this.testY = new double[testSamples];
        for (int j = 0; j < testSamples; j++) {
            testY[j] = data.testSample(j, testX[j]);
        }
    }

    @Override
    public int dimension() {
        return data.dimension();
    }

    @Override
    public void gradient(double[] x, long index, int slot, double[] out) {
        double y = data.trainSample(index, slot, out); // the sample's features, overwritten below
        double r = residual(dot(x, out), y);
        for (int c = 0; c < out.length; c++) {
            out[c] *= r;
        }
    }

    /** d loss / d (w·a). */
    private double residual(double f, double y) {
        if (loss == Loss.SQUARE) {
            return f - y;
        }
        double s = y > 0 ? 1 : -1;
        return -s / (1 + Math.exp(s * f));
    }

    @Override
    public double loss(double[] x) {
        if (testY.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int j = 0; j < testY.length; j++) {
            double f = dot(x, testX[j]);
            if (loss == Loss.SQUARE) {
                sum += 0.5 * (f - testY[j]) * (f - testY[j]);
            } else {
                double m = (testY[j] > 0 ? 1 : -1) * f;
                sum += m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
            }
        }
        return sum / testY.length;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int c = 0; c < a.length; c++) {
            s += a[c] * b[c];
        }
        return s;
    }

    @Override
    public double[] optimum() {
        return null;
    }

    @Override
    public String describe() {
        return (loss == Loss.SQUARE ? "linear-regression(" : "logistic-regression(") + data.describe() + ")";
    }
}
