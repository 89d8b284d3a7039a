/**
 * Langevin particles as a model of the step protocol ({@link org.ensemble.step}): the recipe that
 * builds a shard's particles, the block and one-particle models, per-block sufficient statistics,
 * the reducer that merges them in block order into the empirical {@link org.ensemble.langevin.Measure}
 * and builds the broadcast field, and {@link org.ensemble.langevin.LangevinPopulation}, which runs it.
 */
package org.ensemble.langevin;
