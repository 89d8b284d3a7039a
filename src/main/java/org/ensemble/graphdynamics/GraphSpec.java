package org.ensemble.graphdynamics;

import java.nio.file.Path;
import org.ensemble.graph.EdgeListLoader;
import org.ensemble.graph.Graph;
import org.ensemble.graph.GraphGenerators;

/**
 * Which graph a study runs on, as plain data: {@code complete} (coupled through its sums, no edge
 * arrays), a seeded generator ({@code erdos-renyi} with p = mean degree/(n − 1), {@code barabasi-albert},
 * {@code watts-strogatz}, {@code random-regular}, {@code stochastic-block}), {@code ring}, {@code grid}
 * or an edge-list {@code file}. {@code a}, {@code b}: the kind's parameters (mean degree; m; k and β;
 * degree; rows and cols; p_in and p_out). {@code sizes}: the communities' sizes, on consecutive ids
 * (the block model's blocks; null for graphs without communities).
 */
public record GraphSpec(String kind, int nodes, double a, double b, Path file, boolean directed, int[] sizes) {
    public GraphSpec(String kind, int nodes, double a, double b, Path file, boolean directed) {
        this(kind, nodes, a, b, file, directed, null);
    }

    /** Where each community starts (consecutive ids) and, last, the node count; null without communities. */
    public int[] communityStarts() {
        if (sizes == null) {
            return null;
        }
        int[] starts = new int[sizes.length + 1];
        for (int c = 0; c < sizes.length; c++) {
            starts[c + 1] = starts[c] + sizes[c];
        }
        return starts;
    }

    /** The graph (null for the complete graph), generated from {@code seed}. */
    public Graph build(long seed) {
        return switch (kind) {
            case "complete" -> null;
            case "erdos-renyi" -> GraphGenerators.erdosRenyi(nodes, Math.min(1, a / (nodes - 1.0)), seed);
            case "barabasi-albert" -> GraphGenerators.barabasiAlbert(nodes, (int) a, seed);
            case "watts-strogatz" -> GraphGenerators.wattsStrogatz(nodes, (int) a, b, seed);
            case "random-regular" -> GraphGenerators.randomRegular(nodes, (int) a, seed);
            case "stochastic-block" -> GraphGenerators.stochasticBlock(sizes, a, b, seed);
            case "ring" -> Graph.ring(nodes);
            case "grid" -> Graph.grid((int) a, (int) b);
            case "file" -> EdgeListLoader.load(file, nodes, directed);
            default -> throw new IllegalArgumentException("unknown graph kind " + kind);
        };
    }

    /** A short label for tables and legends. */
    public String label() {
        return switch (kind) {
            case "erdos-renyi" -> "G(n,p) mean degree " + fmt(a);
            case "barabasi-albert" -> "BA m=" + fmt(a);
            case "watts-strogatz" -> "WS k=" + fmt(a) + " β=" + fmt(b);
            case "random-regular" -> fmt(a) + "-regular";
            case "stochastic-block" -> sizes.length + " communities, p_in=" + fmt(a) + " p_out=" + fmt(b);
            case "file" -> file.getFileName().toString();
            default -> kind;
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
