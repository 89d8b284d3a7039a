package org.ensemble.failures;

import org.ensemble.network.Activation;
import org.ensemble.network.NetworkSpec;
import org.ensemble.network.NeuronSlab;

/**
 * A two-layer network's parameters as plain arrays, f(x) = scale·Σ_i a_i σ(⟨w_i, x⟩ + b_i) with the neuron
 * kind's conventions (w row-major n × d, scale = the scaling's output factor): the output and its gradient
 * for the studies' own measurements (held-out errors of trained networks, gradient signal-to-noise at init).
 * Parameter order of a gradient, per neuron i: a_i, b_i, w_i0 … w_i,d−1.
 */
record TwoLayerNetwork(NetworkSpec spec, double[] w, double[] a, double[] b) {
    /** The network a neuron run starts from: its neurons drawn from (seed, neuron id) as the shards draw them. */
    static TwoLayerNetwork initial(NetworkSpec spec, long seed) {
        NeuronSlab slab = new NeuronSlab(0, (int) spec.width(), spec.inputDim()).initialize(spec, seed);
        return new TwoLayerNetwork(spec, slab.w().clone(), slab.a().clone(), slab.b().clone());
    }

    int width() {
        return a.length;
    }

    int dimension() {
        return spec.inputDim();
    }

    int parameters() {
        return width() * (dimension() + 2);
    }

    double scale() {
        return spec.scaling().outputScale(spec.width());
    }

    double output(double[] x) {
        Activation act = spec.activation();
        int d = dimension();
        double sum = 0;
        for (int i = 0; i < width(); i++) {
            double h = b[i];
            for (int c = 0; c < d; c++) {
                h += w[i * d + c] * x[c];
            }
            sum += a[i] * act.value(h);
        }
        return scale() * sum;
    }

    /** Writes ∇_θ f(x) into {@code out} (length {@link #parameters()}) and returns f(x). */
    double gradient(double[] x, double[] out) {
        Activation act = spec.activation();
        int d = dimension();
        double s = scale();
        double sum = 0;
        for (int i = 0; i < width(); i++) {
            double h = b[i];
            for (int c = 0; c < d; c++) {
                h += w[i * d + c] * x[c];
            }
            double v = act.value(h);
            double dv = act.derivative(h);
            sum += a[i] * v;
            int o = i * (d + 2);
            out[o] = s * v;
            out[o + 1] = s * a[i] * dv;
            for (int c = 0; c < d; c++) {
                out[o + 2 + c] = s * a[i] * dv * x[c];
            }
        }
        return s * sum;
    }
}
