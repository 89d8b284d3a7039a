package org.ensemble.gnn;

import org.ensemble.random.Streams;

/**
 * y = σ(Wᵀx + b) for one node's row: W is in × out (row-major), b has out entries. The dot
 * products run in index order, so equal inputs give equal bits.
 */
public record Dense(int in, int out, double[] w, double[] b, Activation activation) {
    /** Philox stream of the random weights (auxiliary, tag 00; keyed by (seed, layer id)). */
    static final int STREAM_WEIGHTS = 41;

    public Dense {
        if (in < 1 || out < 1 || w.length != (long) in * out || b.length != out) {
            throw new IllegalArgumentException("dense map needs in·out weights and out biases: " + in + " × " + out
                    + ", got " + w.length + " and " + b.length);
        }
    }

    /**
     * Random weights and biases N(0, gain/in) (gain 2 for ReLU keeps the scale of the embeddings, He
     * et al.), drawn from Philox keyed by (seed, id): no hidden generator state. The biases matter:
     * without them a ReLU map is positively homogeneous, and on constant input features (unlabelled
     * graphs) every layer stays linear along one ray, so a sum readout cannot be injective.
     */
    public static Dense random(int in, int out, Activation activation, long seed, long id, double gain) {
        double sd = Math.sqrt(gain / in);
        double[] w = new double[in * out];
        for (int k = 0; k < w.length; k++) {
            w[k] = sd * Streams.auxNormal(seed, id, STREAM_WEIGHTS, k);
        }
        double[] b = new double[out];
        for (int o = 0; o < out; o++) {
            b[o] = sd * Streams.auxNormal(seed, id, STREAM_WEIGHTS, w.length + o);
        }
        return new Dense(in, out, w, b, activation);
    }

    /** Writes σ(Wᵀx + b) for x = src[srcOff … srcOff+in) into dst[dstOff … dstOff+out). */
    public void apply(double[] src, int srcOff, double[] dst, int dstOff) {
        for (int o = 0; o < out; o++) {
            double z = b[o];
            for (int i = 0; i < in; i++) {
                z += src[srcOff + i] * w[i * out + o];
            }
            dst[dstOff + o] = activation.apply(z);
        }
    }

    /** The linear part only, Wᵀt, for a tangent (no bias, no activation). */
    void applyLinear(double[] src, int srcOff, double[] dst, int dstOff) {
        for (int o = 0; o < out; o++) {
            double z = 0;
            for (int i = 0; i < in; i++) {
                z += src[srcOff + i] * w[i * out + o];
            }
            dst[dstOff + o] = z;
        }
    }
}
