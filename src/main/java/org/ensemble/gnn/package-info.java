/**
 * Graph neural networks as message passing over a {@link org.ensemble.graph.Graph}: GCN-, GIN- and
 * sum/mean/max/min-aggregating layers with fixed or Philox-seeded random weights
 * ({@link org.ensemble.gnn.LayerStack}), per-node segment reductions with exact sums (the same
 * bits for any partition of the nodes and any order of a node's senders), graph readouts, 1-WL
 * colour refinement ({@link org.ensemble.gnn.ColourRefinement}) and exact Jacobian influence
 * ({@link org.ensemble.gnn.Influence}). A forward pass also runs on the one step protocol, nodes as
 * members ({@link org.ensemble.gnn.GnnPopulation}); the studies
 * ({@link org.ensemble.gnn.AggregationPowerStudy}, {@link org.ensemble.gnn.InfluenceStudy}) use it.
 */
package org.ensemble.gnn;
