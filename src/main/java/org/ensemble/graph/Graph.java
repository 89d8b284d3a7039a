package org.ensemble.graph;

import java.util.Arrays;

/**
 * A directed, optionally weighted graph on nodes {@code 0 … nodes−1} in compressed-sparse-row form
 * by receiver: the senders of node {@code i} are {@code senders[offsets[i] … offsets[i+1])}, in
 * ascending order, with {@code weights} beside them ({@code null}: every weight is 1). An undirected
 * edge is two directed ones. Sorting by receiver makes every aggregation a contiguous segment
 * reduction whose order does not depend on how nodes are split between shards.
 *
 * <p>Arrays are shared, not copied, for speed at 1e7 edges: callers must not modify them.
 */
public record Graph(int nodes, int[] offsets, int[] senders, double[] weights) {

    public Graph {
        if (nodes < 0) {
            throw new IllegalArgumentException("negative node count " + nodes);
        }
        if (offsets == null || offsets.length != nodes + 1 || offsets[0] != 0) {
            throw new IllegalArgumentException("offsets must have nodes + 1 entries starting at 0");
        }
        if (senders == null || offsets[nodes] != senders.length) {
            throw new IllegalArgumentException("offsets[nodes] must equal the number of edges");
        }
        if (weights != null && weights.length != senders.length) {
            throw new IllegalArgumentException("weights must have one entry per edge");
        }
        for (int i = 0; i < nodes; i++) {
            if (offsets[i + 1] < offsets[i]) {
                throw new IllegalArgumentException("offsets decrease at node " + i);
            }
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                int j = senders[k];
                if (j < 0 || j >= nodes) {
                    throw new IllegalArgumentException("sender " + j + " of node " + i + " out of range");
                }
                if (k > offsets[i] && senders[k - 1] >= j) {
                    throw new IllegalArgumentException("senders of node " + i + " not strictly ascending");
                }
            }
        }
    }

    /** Number of directed edges (an undirected edge counts twice). */
    public int edges() {
        return senders.length;
    }

    /** Number of senders of node {@code i}. */
    public int inDegree(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** Weight of the {@code k}-th edge in CSR order. */
    public double weight(int k) {
        return weights == null ? 1.0 : weights[k];
    }

    /** Whether every edge j→i has its reverse i→j with the same weight. */
    public boolean isSymmetric() {
        for (int i = 0; i < nodes; i++) {
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                int j = senders[k];
                int r = Arrays.binarySearch(senders, offsets[j], offsets[j + 1], i);
                if (r < 0 || weight(r) != weight(k)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Builds the CSR form from directed edges {@code from[e] → to[e]} (weights may be {@code null}).
     * Self-loops and repeated edges are refused: message-passing models add self terms explicitly.
     * With {@code undirected}, each pair is added in both directions.
     */
    public static Graph fromEdges(int nodes, int[] from, int[] to, double[] weights, boolean undirected) {
        if (from.length != to.length || (weights != null && weights.length != from.length)) {
            throw new IllegalArgumentException("edge arrays differ in length");
        }
        int m = Math.multiplyExact(from.length, undirected ? 2 : 1);
        int[] offsets = new int[nodes + 1];
        for (int e = 0; e < from.length; e++) {
            int a = from[e];
            int b = to[e];
            if (a < 0 || a >= nodes || b < 0 || b >= nodes) {
                throw new IllegalArgumentException("edge " + e + " (" + a + ", " + b + ") has a node out of [0, " + nodes + ")");
            }
            if (a == b) {
                throw new IllegalArgumentException("edge " + e + " is a self-loop at node " + a);
            }
            offsets[b + 1]++;
            if (undirected) {
                offsets[a + 1]++;
            }
        }
        for (int i = 0; i < nodes; i++) {
            offsets[i + 1] += offsets[i];
        }
        // counting sort by receiver; each entry packs (sender, edge index) so a segment sort orders senders
        long[] packed = new long[m];
        int[] fill = Arrays.copyOf(offsets, nodes);
        for (int e = 0; e < from.length; e++) {
            packed[fill[to[e]]++] = key(from[e], e);
            if (undirected) {
                packed[fill[from[e]]++] = key(to[e], e);
            }
        }
        int[] senders = new int[m];
        double[] w = weights == null ? null : new double[m];
        for (int i = 0; i < nodes; i++) {
            Arrays.sort(packed, offsets[i], offsets[i + 1]);
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                senders[k] = (int) (packed[k] >>> 32);
                int e = (int) packed[k];
                if (k > offsets[i] && senders[k] == senders[k - 1]) {
                    throw new IllegalArgumentException("edge " + e + " (" + senders[k] + " -> " + i + ") is repeated");
                }
                if (w != null) {
                    w[k] = weights[e];
                }
            }
        }
        return new Graph(nodes, offsets, senders, w);
    }

    private static long key(int sender, int edge) {
        return ((long) sender << 32) | (edge & 0xffffffffL);
    }

    /** The cycle 0–1–…–(n−1)–0, undirected (n ≥ 3). */
    public static Graph ring(int n) {
        if (n < 3) {
            throw new IllegalArgumentException("a ring needs at least 3 nodes, got " + n);
        }
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
            b[i] = (i + 1) % n;
        }
        return fromEdges(n, a, b, null, true);
    }

    /** The complete graph on n nodes, undirected, without self-loops. */
    public static Graph complete(int n) {
        int[] offsets = new int[n + 1];
        int[] senders = new int[Math.multiplyExact(n, n - 1 < 0 ? 0 : n - 1)];
        for (int i = 0, k = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    senders[k++] = j;
                }
            }
            offsets[i + 1] = k;
        }
        return new Graph(n, offsets, senders, null);
    }

    /** The rows × cols grid with 4-neighbour edges, undirected; node id = r·cols + c. */
    public static Graph grid(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("grid needs positive sides, got " + rows + " x " + cols);
        }
        int m = rows * (cols - 1) + cols * (rows - 1);
        int[] a = new int[m];
        int[] b = new int[m];
        int e = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int id = r * cols + c;
                if (c + 1 < cols) {
                    a[e] = id;
                    b[e++] = id + 1;
                }
                if (r + 1 < rows) {
                    a[e] = id;
                    b[e++] = id + cols;
                }
            }
        }
        return fromEdges(rows * cols, a, b, null, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Graph g && g.nodes == nodes && Arrays.equals(g.offsets, offsets)
                && Arrays.equals(g.senders, senders) && Arrays.equals(g.weights, weights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * nodes + Arrays.hashCode(offsets)) + Arrays.hashCode(senders);
    }

    @Override
    public String toString() {
        return "Graph[" + nodes + " nodes, " + edges() + " directed edges" + (weights == null ? "" : ", weighted") + "]";
    }
}
