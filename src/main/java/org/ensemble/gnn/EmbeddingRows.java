package org.ensemble.gnn;

import org.ensemble.step.Partial;

/** A shard's answer: the next layer's rows of its nodes {@code [firstNode, firstNode + nodes)}, width-wide, in id order. */
public record EmbeddingRows(int firstNode, int nodes, int width, double[] rows) implements Partial {
}
