package org.ensemble.graphdynamics;

import java.util.List;
import org.ensemble.graph.Graph;
import org.ensemble.kernel.Backend;
import org.ensemble.step.ModelRecipe;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardRange;
import org.ensemble.step.WireMessage;

/**
 * How a shard builds its nodes, as plain data: the graph ({@code null}: the complete graph on
 * {@code nodes} nodes, coupled through its three population sums — the exact O(N) form of the
 * all-to-all sum), the dynamics, the block size of the reductions, where every shard starts, and
 * the halo: the nodes, in id order, that send to a node on another shard. Each step the reducer
 * gathers exactly these states and broadcasts them as the field, so a shard reads a neighbour's
 * state from its own arrays or from the field — the same value either way, which is why any shard
 * plan, and one actor per node, gives the same bytes. {@code backend}: where the built-in rules'
 * {@link NodeKernel} runs (java, aparapi-jtp: the same bytes; aparapi-opencl).
 */
public record NodeRecipe(Graph graph, int nodes, NodeDynamics dynamics, int blockSize, long[] shardStarts,
                         int[] halo, Backend backend) implements ModelRecipe, WireMessage {
    /** On the java backend. */
    public NodeRecipe(Graph graph, int nodes, NodeDynamics dynamics, int blockSize, long[] shardStarts, int[] halo) {
        this(graph, nodes, dynamics, blockSize, shardStarts, halo, Backend.JAVA);
    }

    public NodeRecipe {
        if (graph != null && graph.nodes() != nodes) {
            throw new IllegalArgumentException("graph has " + graph.nodes() + " nodes, recipe says " + nodes);
        }
        if (graph == null && dynamics.rule() == NodeRule.CLASS) {
            throw new IllegalArgumentException("a user rule needs edges: the complete graph is coupled through its sums");
        }
        if (backend == Backend.AUTO || (backend != Backend.JAVA && dynamics.update() != null)) {
            throw new IllegalArgumentException("backend " + backend.key() + ": graph dynamics runs the built-in rules"
                    + " on java, aparapi-jtp or aparapi-opencl, and rules with an update class on java");
        }
        if (nodes < 1 || blockSize < 1) {
            throw new IllegalArgumentException("need nodes ≥ 1 and block size ≥ 1, got " + nodes + ", " + blockSize);
        }
    }

    /** The recipe for this shard plan: computes the halo from the graph and the shards' ranges. */
    public static NodeRecipe of(Graph graph, int nodes, NodeDynamics dynamics, int blockSize, List<ShardRange> ranges) {
        return of(graph, nodes, dynamics, blockSize, ranges, Backend.JAVA);
    }

    /** As above, the built-in rules' kernel on {@code backend}. */
    public static NodeRecipe of(Graph graph, int nodes, NodeDynamics dynamics, int blockSize, List<ShardRange> ranges,
                                Backend backend) {
        long[] starts = new long[ranges.size()];
        for (int s = 0; s < starts.length; s++) {
            starts[s] = ranges.get(s).firstId();
        }
        return new NodeRecipe(graph, nodes, dynamics, blockSize, starts,
                graph == null ? new int[0] : org.ensemble.graph.Halo.of(graph, starts), backend);
    }

    public boolean complete() {
        return graph == null;
    }

    /** Number of directed edges (the complete graph: N(N−1)). */
    public long edges() {
        return graph == null ? (long) nodes * (nodes - 1) : graph.edges();
    }

    /** K/norm_i: the coupling's factor at node i (0 for a node without senders under degree normalisation). */
    public double couplingOf(int i) {
        double k = dynamics.coupling();
        return switch (dynamics.normalisation()) {
            case NODES -> k / nodes;
            case MEAN_DEGREE -> k * nodes / Math.max(1, edges());
            case DEGREE -> {
                int deg = graph == null ? nodes - 1 : graph.inDegree(i);
                yield deg == 0 ? 0 : k / deg;
            }
        };
    }

    @Override
    public ShardModel build(ShardRange range) {
        return new NodeShardModel(new NodeBlocks(this, range));
    }
}
