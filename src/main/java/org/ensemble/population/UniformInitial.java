package org.ensemble.population;

import org.ensemble.random.Streams;

/** Independent uniform coordinates on the box [low, high). */
public record UniformInitial(double[] low, double[] high) implements InitialCondition {
    public UniformInitial {
        if (low.length != high.length) {
            throw new IllegalArgumentException("low and high differ in length");
        }
        low = low.clone();
        high = high.clone();
    }

    @Override
    public int dimension() {
        return low.length;
    }

    @Override
    public void position(long seed, long id, double[] out) {
        for (int c = 0; c < low.length; c++) {
            out[c] = low[c] + (high[c] - low[c]) * Streams.uniform(seed, id, Streams.STREAM_INIT, c);
        }
    }
}
