package org.ensemble.observe.escape;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/** Fixed-seed synthetic escape times for the tests. */
final class Samples {
    private Samples() {
    }

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** n exponential times with the given mean, by inversion. */
    static double[] exponential(int n, double mean, long seed) {
        UniformRandomProvider r = rng(seed);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = -mean * Math.log(1 - r.nextDouble());
        }
        return t;
    }

    /** Gamma(shape 2, scale θ): the sum of two exponentials; mean 2θ, hazard rising from 0. */
    static double[] gamma2(int n, double scale, long seed) {
        UniformRandomProvider r = rng(seed);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = -scale * (Math.log(1 - r.nextDouble()) + Math.log(1 - r.nextDouble()));
        }
        return t;
    }

    static double[] uniform(int n, double max, long seed) {
        UniformRandomProvider r = rng(seed);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = max * r.nextDouble();
        }
        return t;
    }

    /** Times censored at {@code censorAt}: escaped iff t ≤ censorAt. */
    static EscapeSample censor(double[] t, double censorAt) {
        double[] x = new double[t.length];
        boolean[] e = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            e[i] = t[i] <= censorAt;
            x[i] = Math.min(t[i], censorAt);
        }
        return new EscapeSample(x, e);
    }

    static EscapeSample complete(double[] t) {
        return EscapeSample.of(t, 0, 0);
    }
}
