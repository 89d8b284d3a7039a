/**
 * Training two-layer networks as particle systems: the specification of a run, the per-shard
 * worker that draws its own batches and updates its neurons, the merge of per-block output sums
 * in block order (so results do not depend on the shard count), and the reports that observers
 * turn into risk curves and weight histograms.
 */
package org.ensemble.training;
