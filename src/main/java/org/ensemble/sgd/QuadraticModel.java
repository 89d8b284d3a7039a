package org.ensemble.sgd;

import org.ensemble.random.Streams;

/**
 * f(x) = ½ Σ h_c x_c² with additive Gaussian gradient noise of diagonal covariance diag(σ_c²): the
 * gradient of slot j at draw k is h_c x_c + σ_c ξ, ξ standard normal from Philox keyed by
 * (noise seed, j) at counter k·d + c. The optimum is 0 and the loss is the noise-free f.
 */
public record QuadraticModel(double[] curvature, double[] noiseSd, long seed) implements SgdModel {
    /** Philox auxiliary stream of gradient noise (Streams uses 1–6). */
    static final int STREAM_NOISE = 1502;

    public QuadraticModel {
        if (curvature.length == 0 || curvature.length != noiseSd.length) {
            throw new IllegalArgumentException("curvature and noise-sd need the same length ≥ 1");
        }
    }

    @Override
    public int dimension() {
        return curvature.length;
    }

    @Override
    public void gradient(double[] x, long index, int slot, double[] out) {
        int d = curvature.length;
        for (int c = 0; c < d; c++) {
            double g = curvature[c] * x[c];
            if (noiseSd[c] != 0) {
                g += noiseSd[c] * Streams.auxNormal(seed, slot, STREAM_NOISE, index * d + c);
            }
            out[c] = g;
        }
    }

    @Override
    public double loss(double[] x) {
        double f = 0;
        for (int c = 0; c < x.length; c++) {
            f += 0.5 * curvature[c] * x[c] * x[c];
        }
        return f;
    }

    @Override
    public boolean exactGradient(double[] x, double[] out) {
        for (int c = 0; c < x.length; c++) {
            out[c] = curvature[c] * x[c];
        }
        return true;
    }

    @Override
    public double[] optimum() {
        return new double[curvature.length];
    }

    /**
     * Exact stationary E|x − x*|² of SGD with step η and gradient noise averaged over {@code samples}
     * per update (BSP: M·b): Σ_c η σ_c²/samples / (h_c (2 − η h_c)); infinite when unstable.
     */
    public double stationarySquaredError(double lr, int samples) {
        double s = 0;
        for (int c = 0; c < curvature.length; c++) {
            double a = lr * curvature[c];
            if (!(a > 0 && a < 2)) {
                return Double.POSITIVE_INFINITY;
            }
            s += lr * noiseSd[c] * noiseSd[c] / samples / (curvature[c] * (2 - a));
        }
        return s;
    }

    @Override
    public String describe() {
        return "quadratic(d=" + curvature.length + ")";
    }
}
