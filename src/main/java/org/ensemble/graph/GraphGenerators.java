package org.ensemble.graph;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded random graphs, generated straight into edge arrays and converted once to the CSR
 * {@link Graph} (undirected: each edge in both directions; no self-loops, no repeated edges).
 *
 * <p>Why not JGraphT's generators: its G(n, p) visits every pair (O(n²)) and it builds an object graph
 * (a map entry per node, an edge object per edge). Measured here (2 shared, busy cores, JDK 17):
 * JGraphT G(n, 10/n) took 9.3 s at n = 1e4 and 57 s at n = 3e4 (so hours at 1e6), its Barabási–Albert
 * 44 s at n = 2e5, m = 5; these loops take 3.8 s for G(1e6, 10/n) (1e7 directed edges, CSR included),
 * 3.8 s for Barabási–Albert (1e6, m = 5) and 12 s for a random 10-regular graph on 1e6 nodes.
 * JGraphT stays for conversions ({@link JGraphTGraphs}) and as the tests' independent check of the
 * graphs' properties. Each generator draws from one {@link SplittableRandom} seeded by
 * {@code seed}, in a fixed order: a seed always gives the same graph.
 */
public final class GraphGenerators {
    private GraphGenerators() {
    }

    /**
     * Erdős–Rényi G(n, p): every unordered pair is an edge independently with probability p,
     * sampled by geometric skipping (Batagelj–Brandes 2005), so the cost is O(n + edges).
     */
    public static Graph erdosRenyi(int n, double p, long seed) {
        requireNodes(n, 1);
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("G(n, p) needs 0 ≤ p ≤ 1, got " + p);
        }
        EdgeBuffer edges = new EdgeBuffer((long) Math.min(Integer.MAX_VALUE / 2 - 8,
                p * n * (n - 1.0) / 2 * 1.01 + 16));
        if (p == 1) {
            return Graph.complete(n);
        }
        if (p > 0) {
            SplittableRandom rng = new SplittableRandom(seed);
            double logq = Math.log1p(-p);
            long v = 1;
            long w = -1;
            while (v < n) {
                double u = rng.nextDouble();
                w += 1 + (long) Math.floor(Math.log1p(-u) / logq);
                while (w >= v && v < n) {
                    w -= v;
                    v++;
                }
                if (v < n) {
                    edges.add((int) v, (int) w);
                }
            }
        }
        return edges.toGraph(n);
    }

    /**
     * The stochastic block model: communities of the given sizes on consecutive ids (community c
     * holds ids from sizes[0] + … + sizes[c−1]), each pair inside a community joined with probability
     * pIn, each pair across two with pOut, independently — by geometric skipping per community pair
     * (O(n + m)), from one seeded stream.
     */
    public static Graph stochasticBlock(int[] sizes, double pIn, double pOut, long seed) {
        if (sizes.length < 1 || !(pIn >= 0 && pIn <= 1) || !(pOut >= 0 && pOut <= 1)) {
            throw new IllegalArgumentException("a block model needs communities and probabilities in [0, 1], got "
                    + sizes.length + " communities, p_in = " + pIn + ", p_out = " + pOut);
        }
        long total = 0;
        double expected = 16;
        int[] start = new int[sizes.length + 1];
        for (int c = 0; c < sizes.length; c++) {
            if (sizes[c] < 1) {
                throw new IllegalArgumentException("community sizes must be ≥ 1, got " + sizes[c]);
            }
            total += sizes[c];
            start[c + 1] = (int) Math.min(Integer.MAX_VALUE, total);
            expected += pIn * sizes[c] * (sizes[c] - 1.0) / 2;
        }
        requireNodes((int) Math.min(Integer.MAX_VALUE, total), 1);
        int n = (int) total;
        expected += pOut * ((double) n * n - java.util.Arrays.stream(sizes).mapToDouble(v -> (double) v * v).sum()) / 2;
        EdgeBuffer edges = new EdgeBuffer((long) Math.min(Integer.MAX_VALUE / 2 - 8, expected * 1.01 + 16));
        SplittableRandom rng = new SplittableRandom(seed);
        for (int a = 0; a < sizes.length; a++) {
            for (int b = 0; b <= a; b++) {
                double p = a == b ? pIn : pOut;
                // pairs of the region: inside a, (v, w) with w < v (a triangle); across, v in a and w in b (a rectangle)
                long pairs = a == b ? (long) sizes[a] * (sizes[a] - 1) / 2 : (long) sizes[a] * sizes[b];
                if (p == 0 || pairs == 0) {
                    continue;
                }
                double logq = Math.log1p(-p);
                long t = -1;
                while (true) {
                    t += p == 1 ? 1 : 1 + (long) Math.floor(Math.log1p(-rng.nextDouble()) / logq);
                    if (t >= pairs || t < 0) {
                        break;
                    }
                    int v;
                    int w;
                    if (a == b) {
                        // t = v(v − 1)/2 + w with 0 ≤ w < v
                        long lv = (long) Math.floor((1 + Math.sqrt(1 + 8.0 * t)) / 2);
                        while (lv * (lv - 1) / 2 > t) {
                            lv--;
                        }
                        while ((lv + 1) * lv / 2 <= t) {
                            lv++;
                        }
                        v = start[a] + (int) lv;
                        w = start[a] + (int) (t - lv * (lv - 1) / 2);
                    } else {
                        v = start[a] + (int) (t / sizes[b]);
                        w = start[b] + (int) (t % sizes[b]);
                    }
                    edges.add(v, w);
                }
            }
        }
        return edges.toGraph(n);
    }

    /**
     * Barabási–Albert preferential attachment: a clique on m + 1 nodes, then each new node joins m
     * distinct earlier nodes drawn with probability proportional to their degree (a uniform pick
     * from the list of edge endpoints; a repeated pick is drawn again).
     */
    public static Graph barabasiAlbert(int n, int m, long seed) {
        if (m < 1) {
            throw new IllegalArgumentException("Barabási–Albert needs m ≥ 1 edges per new node, got " + m);
        }
        requireNodes(n, m + 1);
        long total = (long) m * (m + 1) / 2 + (long) (n - m - 1) * m;
        if (2 * total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Barabási–Albert graph too large: " + total + " edges");
        }
        EdgeBuffer edges = new EdgeBuffer(total);
        int[] ends = new int[(int) (2 * total)];
        int filled = 0;
        for (int a = 0; a <= m; a++) {
            for (int b = 0; b < a; b++) {
                edges.add(a, b);
                ends[filled++] = a;
                ends[filled++] = b;
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] chosen = new int[m];
        for (int v = m + 1; v < n; v++) {
            int c = 0;
            while (c < m) {
                int t = ends[rng.nextInt(filled)];
                if (!contains(chosen, c, t)) {
                    chosen[c++] = t;
                }
            }
            for (int i = 0; i < m; i++) {
                edges.add(v, chosen[i]);
                ends[filled++] = v;
                ends[filled++] = chosen[i];
            }
        }
        return edges.toGraph(n);
    }

    /**
     * Watts–Strogatz: the ring lattice where each node is joined to its k/2 nearest neighbours on
     * each side (k even), then each lattice edge (i, i + j) is, with probability β, rewired to
     * (i, u) for u uniform among the nodes that are neither i nor already joined to i.
     */
    public static Graph wattsStrogatz(int n, int k, double beta, long seed) {
        if (k < 2 || k % 2 != 0) {
            throw new IllegalArgumentException("Watts–Strogatz needs an even k ≥ 2, got " + k);
        }
        requireNodes(n, k + 2);
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("Watts–Strogatz needs 0 ≤ β ≤ 1, got " + beta);
        }
        int half = k / 2;
        long total = (long) n * half;
        LongSet present = new LongSet(total);
        int[] a = new int[Math.toIntExact(total)];
        int[] b = new int[a.length];
        int e = 0;
        for (int j = 1; j <= half; j++) {
            for (int i = 0; i < n; i++) {
                a[e] = i;
                b[e] = (i + j) % n;
                present.add(pair(a[e], b[e]));
                e++;
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (e = 0; e < a.length; e++) {
            if (rng.nextDouble() >= beta) {
                continue;
            }
            int i = a[e];
            int u;
            int tries = 0;
            do {
                u = rng.nextInt(n);
                if (++tries > 64 * n) {
                    u = -1; // i is joined to (nearly) every node: keep the lattice edge
                    break;
                }
            } while (u == i || present.contains(pair(i, u)));
            if (u >= 0) {
                present.remove(pair(i, b[e]));
                present.add(pair(i, u));
                b[e] = u;
            }
        }
        return Graph.fromEdges(n, a, b, null, true);
    }

    /**
     * A random d-regular graph, uniform in the limit, by the Steger–Wormald pairing: n·d points,
     * d per node; two unpaired points of different, not yet joined nodes are drawn and paired until
     * none are left; if the remaining points admit no valid pair, start again (rare for d ≪ √n).
     */
    public static Graph randomRegular(int n, int d, long seed) {
        if (d < 0 || d >= n || ((long) n * d) % 2 != 0) {
            throw new IllegalArgumentException("a random " + d + "-regular graph on " + n
                    + " nodes needs 0 ≤ d < n and n·d even");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int attempt = 0; attempt < 1000; attempt++) {
            Graph g = pairing(n, d, rng);
            if (g != null) {
                return g;
            }
        }
        throw new IllegalStateException("no " + d + "-regular graph on " + n + " nodes after 1000 attempts");
    }

    private static Graph pairing(int n, int d, SplittableRandom rng) {
        int points = n * d;
        int[] free = new int[points];
        for (int p = 0; p < points; p++) {
            free[p] = p / d;
        }
        int left = points;
        int m = points / 2;
        int[] a = new int[m];
        int[] b = new int[m];
        LongSet present = new LongSet(m);
        int e = 0;
        int misses = 0;
        while (left > 0) {
            int x = rng.nextInt(left);
            int y = rng.nextInt(left);
            int u = free[x];
            int v = free[y];
            if (x != y && u != v && !present.contains(pair(u, v))) {
                a[e] = u;
                b[e++] = v;
                present.add(pair(u, v));
                // remove the two points (higher index first so the swap does not move the other)
                int hi = Math.max(x, y);
                int lo = Math.min(x, y);
                free[hi] = free[--left];
                free[lo] = free[--left];
                misses = 0;
            } else if (++misses > 64 + 4 * left && !anyValidPair(free, left, present)) {
                return null;
            } else if (misses > 64 + 4 * left) {
                misses = 0;
            }
        }
        return Graph.fromEdges(n, a, b, null, true);
    }

    private static boolean anyValidPair(int[] free, int left, LongSet present) {
        for (int x = 0; x < left; x++) {
            for (int y = x + 1; y < left; y++) {
                if (free[x] != free[y] && !present.contains(pair(free[x], free[y]))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(int[] a, int len, int v) {
        for (int i = 0; i < len; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    private static void requireNodes(int n, int min) {
        if (n < min) {
            throw new IllegalArgumentException("graph needs at least " + min + " nodes, got " + n);
        }
    }

    private static long pair(int u, int v) {
        int lo = Math.min(u, v);
        int hi = Math.max(u, v);
        return ((long) hi << 32) | lo;
    }

    /** Undirected edges as two growable int arrays. */
    private static final class EdgeBuffer {
        private int[] a;
        private int[] b;
        private int size;

        EdgeBuffer(long expected) {
            int cap = (int) Math.max(16, Math.min(expected, Integer.MAX_VALUE / 2 - 8));
            a = new int[cap];
            b = new int[cap];
        }

        void add(int u, int v) {
            if (size == a.length) {
                int cap = (int) Math.min((long) a.length * 3 / 2 + 16, Integer.MAX_VALUE / 2 - 8);
                if (cap <= size) {
                    throw new IllegalArgumentException("graph too large: more than " + size + " edges");
                }
                a = Arrays.copyOf(a, cap);
                b = Arrays.copyOf(b, cap);
            }
            a[size] = u;
            b[size++] = v;
        }

        Graph toGraph(int n) {
            return Graph.fromEdges(n, Arrays.copyOf(a, size), Arrays.copyOf(b, size), null, true);
        }
    }

    /** An open-addressing set of non-negative longs (edge keys), without boxing. */
    private static final class LongSet {
        private static final long EMPTY = -1;
        private static final long GONE = -2;
        private final long[] slots;
        private final int mask;

        LongSet(long expected) {
            int cap = Integer.highestOneBit((int) Math.min(1L << 30, Math.max(16, expected * 2))) << 1;
            slots = new long[cap];
            Arrays.fill(slots, EMPTY);
            mask = cap - 1;
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 33) & mask;
        }

        boolean contains(long key) {
            for (int i = slot(key); ; i = (i + 1) & mask) {
                if (slots[i] == key) {
                    return true;
                }
                if (slots[i] == EMPTY) {
                    return false;
                }
            }
        }

        void add(long key) {
            int tomb = -1;
            for (int i = slot(key); ; i = (i + 1) & mask) {
                if (slots[i] == key) {
                    return;
                }
                if (slots[i] == GONE && tomb < 0) {
                    tomb = i;
                }
                if (slots[i] == EMPTY) {
                    slots[tomb >= 0 ? tomb : i] = key;
                    return;
                }
            }
        }

        void remove(long key) {
            for (int i = slot(key); ; i = (i + 1) & mask) {
                if (slots[i] == key) {
                    slots[i] = GONE;
                    return;
                }
                if (slots[i] == EMPTY) {
                    return;
                }
            }
        }
    }
}
