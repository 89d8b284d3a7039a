package org.ensemble.population;

/**
 * Where particle {@code id} starts: a pure function of (seed, id), so the initial state does not
 * depend on how particles are spread over shards.
 */
public interface InitialCondition {
    int dimension();

    /** Writes the start position of particle {@code id} into {@code out}. */
    void position(long seed, long id, double[] out);
}
