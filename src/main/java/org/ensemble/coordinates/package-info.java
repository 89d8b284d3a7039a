/**
 * Linear models whose coordinates are the particles, on the one step protocol: a shard owns a block
 * range of coordinates (or (u_i, v_i) pairs) and the columns of the design matrix that go with them,
 * and answers with its blocks' partial sums of X·w; the reducer ({@link org.ensemble.coordinates.CoordinateReducer})
 * merges them in block order, forms the loss and the per-example loss derivatives, and broadcasts
 * those as the field; every shard then takes its full-batch step
 * ({@link org.ensemble.coordinates.Parameterisation}: plain GD on w, GD on (u, v) with
 * w = u⊙u − v⊙v, or unnormalised exponentiated gradient). Full-batch steps use no randomness, and
 * block-order merging makes a run's bytes the same for any number of shards.
 * {@link org.ensemble.coordinates.CoordinatePopulation} runs it on the engine (actors) or in
 * process (same numerics, for tests and quick studies).
 */
package org.ensemble.coordinates;
