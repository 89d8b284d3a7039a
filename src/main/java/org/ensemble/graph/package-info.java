/**
 * Graphs as the populations of message-passing kinds: {@link org.ensemble.graph.Graph} is an
 * immutable compressed-sparse-row adjacency sorted by receiver (each node's incoming senders in
 * ascending id order), so an aggregation over a node's neighbours is one contiguous segment — no
 * atomics, and the same additions in the same order for any partition of the nodes.
 */
package org.ensemble.graph;
