/**
 * Noisy dynamics on graphs as a population kind of the one step protocol: every node is a member
 * (an actor at granularity {@code node}), nodes are split into blocks by id and shards own blocks;
 * a step is "each node reads its neighbours' states along the CSR edges (sorted by receiver),
 * aggregates, updates, plus noise". The field a step order carries is the halo: the states of the
 * nodes that have a neighbour on another shard ({@link org.ensemble.graphdynamics.NodeRecipe}), or on
 * the complete graph the three population sums (its exact O(N) form). Built-in rules: noisy Kuramoto
 * and linear consensus (DeGroot); mean-field references for Kuramoto (self-consistency, Ott–Antonsen,
 * the Fokker–Planck equation on the circle and W1 on the circle) live beside them. The built-in
 * rules step through one kernel source ({@link org.ensemble.graphdynamics.NodeKernel}) on the java
 * or an Aparapi backend; a study's engine runs are checkpointed and resumed as its legs
 * ({@link org.ensemble.graphdynamics.GraphStudyCheckpoints}).
 */
package org.ensemble.graphdynamics;
