package org.ensemble.population;

import org.ensemble.random.Streams;

/** Independent N(mean_c, sd_c²) coordinates, drawn from the initial-condition stream. */
public record GaussianInitial(double[] mean, double[] sd) implements InitialCondition {
    public GaussianInitial {
        if (mean.length != sd.length) {
            throw new IllegalArgumentException("mean and sd differ in length");
        }
        mean = mean.clone();
        sd = sd.clone();
    }

    @Override
    public int dimension() {
        return mean.length;
    }

    @Override
    public void position(long seed, long id, double[] out) {
        for (int c = 0; c < mean.length; c++) {
            out[c] = mean[c] + sd[c] * Streams.auxNormal(seed, id, Streams.STREAM_INIT, c);
        }
    }
}
