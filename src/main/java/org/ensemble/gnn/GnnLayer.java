package org.ensemble.gnn;

import org.ensemble.graph.Graph;

/**
 * One message-passing layer: node i's new row is a function of its own row and the multiset of its
 * senders' rows in the previous layer. {@link #apply} computes the rows of nodes {@code [from, to)}
 * only, reading any row of the previous layer (a shard's nodes and their halo): per node, so the
 * result is the same for every partition of the nodes into blocks.
 */
public sealed interface GnnLayer permits AggregateLayer, GcnLayer, GinLayer {
    int inWidth();

    int outWidth();

    /** The hidden activation at the layer's output (its derivative gives forward-mode tangents). */
    Activation activation();

    /** Writes the new rows of nodes [from, to) into out[(i − from)·outWidth …]. */
    void apply(Graph g, double[] h, int from, int to, double[] out);

    /** Short name for tables: sum, mean, max, min, gcn, gin. */
    String key();
}
