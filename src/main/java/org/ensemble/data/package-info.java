/**
 * Data sources for training neurons: synthetic tasks (isotropic Gaussians, a teacher network,
 * sparse parity, Hadamard rows) and rows of a CSV file. Determinism rule: every sample is a pure
 * function of the source's seed and the sample's index (step, j), drawn with counter-based Philox
 * ({@link org.ensemble.random.Streams}), never from a shared generator's state.
 */
package org.ensemble.data;
