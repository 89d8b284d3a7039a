/**
 * Neurons of a two-layer network as a model of the step protocol ({@link org.ensemble.step}): the
 * specification of a run, the recipe and shard model (each shard draws its own batches and updates
 * its neurons), the reducer that merges per-block output sums in block order (so results do not
 * depend on the shard count or granularity), forms residuals and reports, and
 * {@link org.ensemble.training.NeuronPopulation}, which runs it.
 */
package org.ensemble.training;
