package org.ensemble.graph;

/**
 * The boundary of a shard plan: the nodes, in id order, that send along an edge to a node owned by
 * another shard. Shards own contiguous id ranges starting at {@code starts} (ascending, the first
 * 0). These are exactly the states a step must exchange; every other sender is read where it lives.
 */
public final class Halo {
    private Halo() {
    }

    public static int[] of(Graph graph, long[] starts) {
        int nodes = graph.nodes();
        boolean[] sends = new boolean[nodes];
        int shard = 0;
        int count = 0;
        for (int i = 0; i < nodes; i++) {
            while (shard + 1 < starts.length && starts[shard + 1] <= i) {
                shard++;
            }
            long lo = starts[shard];
            long hi = shard + 1 < starts.length ? starts[shard + 1] : nodes;
            for (int k = graph.offsets()[i]; k < graph.offsets()[i + 1]; k++) {
                int j = graph.senders()[k];
                if ((j < lo || j >= hi) && !sends[j]) {
                    sends[j] = true;
                    count++;
                }
            }
        }
        int[] out = new int[count];
        int at = 0;
        for (int j = 0; j < nodes; j++) {
            if (sends[j]) {
                out[at++] = j;
            }
        }
        return out;
    }
}
