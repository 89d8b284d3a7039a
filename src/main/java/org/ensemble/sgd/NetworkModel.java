package org.ensemble.sgd;

import org.ensemble.data.DataSource;
import org.ensemble.network.Activation;
import org.ensemble.random.Streams;

/**
 * The two-layer network of the neuron kind as an SGD worker's model: f(z) = (1/m) Σ_k a_k σ(w_k·z)
 * with m neurons in R^d, the square loss ½(f − y)² on a data source's samples. The parameters are
 * laid out neuron by neuron, x = (w_1, a_1, w_2, a_2, …), so a parameter server sharded by key
 * range holds whole neurons. The gradient is taken in the neurons' own time (∇ of m·loss, as the
 * neuron kind steps each neuron by ε without the 1/m), so a step η moves each neuron O(η) at any m.
 * The reported loss is the mean square loss over the source's first {@code testSamples} held-out
 * samples, drawn once.
 */
public final class NetworkModel implements SgdModel {
    private final DataSource data;
    private final int width;
    private final int d;
    private final Activation activation;
    private final double[][] testX;
    private final double[] testY;
    private final double[] z;

    public NetworkModel(DataSource data, int width, Activation activation, int testSamples) {
        if (width < 1) {
            throw new IllegalArgumentException("a network needs at least one neuron, got width " + width);
        }
        this.data = data;
        this.width = width;
        this.d = data.dimension();
        this.activation = activation;
        this.z = new double[d];
        this.testX = new double[testSamples][d];
        this.testY = new double[testSamples];
        for (int j = 0; j < testSamples; j++) {
            testY[j] = data.testSample(j, testX[j]);
        }
    }

    /**
     * The initial parameters, a pure function of the seed: w_k ~ N(0, I/d), a_k ~ N(0, 1), neuron k's
     * draws from the initial-condition stream keyed by (seed, k) — as the neuron kind draws its neurons.
     */
    public static double[] initial(int width, int d, long seed) {
        double[] x = new double[width * (d + 1)];
        double ws = 1 / Math.sqrt(d);
        for (int k = 0; k < width; k++) {
            int o = k * (d + 1);
            for (int c = 0; c < d; c++) {
                x[o + c] = ws * Streams.auxNormal(seed, k, Streams.STREAM_INIT, c);
            }
            x[o + d] = Streams.auxNormal(seed, k, Streams.STREAM_INIT, d);
        }
        return x;
    }

    @Override
    public int dimension() {
        return width * (d + 1);
    }

    /** f at input {@code in}. */
    double output(double[] x, double[] in) {
        double f = 0;
        for (int k = 0; k < width; k++) {
            int o = k * (d + 1);
            f += x[o + d] * activation.value(dot(x, o, in));
        }
        return f / width;
    }

    @Override
    public void gradient(double[] x, long index, int slot, double[] out) {
        // z is scratch space; the lock keeps a model shared between threads right (uncontended in the shards,
        // which each build their own).
        synchronized (z) {
            double y = data.trainSample(index, slot, z);
            double r = output(x, z) - y;
            for (int k = 0; k < width; k++) {
                int o = k * (d + 1);
                double h = dot(x, o, z);
                double a = x[o + d];
                double gw = r * a * activation.derivative(h);
                for (int c = 0; c < d; c++) {
                    out[o + c] = gw * z[c];
                }
                out[o + d] = r * activation.value(h);
            }
        }
    }

    private double dot(double[] x, int o, double[] in) {
        double s = 0;
        for (int c = 0; c < d; c++) {
            s += x[o + c] * in[c];
        }
        return s;
    }

    @Override
    public double loss(double[] x) {
        if (testY.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int j = 0; j < testY.length; j++) {
            double e = output(x, testX[j]) - testY[j];
            sum += 0.5 * e * e;
        }
        return sum / testY.length;
    }

    @Override
    public double[] optimum() {
        return null;
    }

    @Override
    public String describe() {
        return "two-layer-network(width=" + width + ", " + activation.describe() + ", " + data.describe() + ")";
    }
}
