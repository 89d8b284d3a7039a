package org.ensemble.gnn;

/** Layer l's node embeddings (n × width, row-major): what a GNN run shows its observer, layer by layer. */
public record LayerEmbeddings(int layer, int width, double[] rows) {
}
