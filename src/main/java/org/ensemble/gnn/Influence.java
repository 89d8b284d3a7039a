package org.ensemble.gnn;

import java.util.List;
import org.ensemble.graph.Graph;

/**
 * Influence of input node y on node x after k layers (Xu et al. 2018, "Representation learning on
 * graphs with jumping knowledge networks", Def. 3.1): I(x, y) = Σ |entries of ∂h_x^(k)/∂h_y^(0)|,
 * and the influence distribution I_x(y) = I(x, y) / Σ_z I(x, z). The Jacobian is exact: forward-mode
 * through the stack — all n·d₀ input directions at once, each layer's tangent the linear
 * aggregation of the previous one, times Wᵀ, times σ'(z) read from the primal embeddings — so no
 * finite-difference error. For a stack of mean-aggregating layers with self-loops and the identity
 * activation, ∂h_x^(k)/∂h_y^(0) = (P^k)_{xy} (W_1⋯W_k)ᵀ with P = D̃⁻¹Ã, so I_x(y) = (P^k)_{xy}
 * exactly (up to rounding); with ReLU it equals P^k only in expectation under the paper's
 * assumptions, and the distance is what a study reports.
 */
public final class Influence {
    private Influence() {
    }

    /** I_x(y) after k = 1 … depth layers: result[k − 1][x·n + y]. Layers must aggregate linearly (sum, mean, gcn). */
    public static double[][] distributions(Graph g, LayerStack stack, List<double[]> primal) {
        double[][] s = scores(g, stack, primal);
        double[][] out = new double[s.length][];
        for (int k = 0; k < s.length; k++) {
            out[k] = normalise(s[k], g.nodes());
        }
        return out;
    }

    /** The scores I(x, y) = Σ |∂h_x^(k)/∂h_y^(0)| before normalisation: result[k − 1][x·n + y]. */
    public static double[][] scores(Graph g, LayerStack stack, List<double[]> primal) {
        int n = g.nodes();
        int d0 = stack.inWidth();
        int cols = n * d0;
        // Tangent: for node x, feature o, the derivative along every input direction (y, f): t[(x·d + o)·cols + y·d0 + f].
        double[] t = new double[n * d0 * cols];
        for (int c = 0; c < cols; c++) {
            t[c * cols + c] = 1.0;
        }
        double[][] out = new double[stack.depth()][];
        for (int l = 0; l < stack.depth(); l++) {
            GnnLayer layer = stack.layers().get(l);
            Dense dense = denseOf(layer);
            int din = layer.inWidth();
            int dout = layer.outWidth();
            double[][] coeff = new double[n][];
            int[][] from = new int[n][];
            coefficients(g, layer, from, coeff);
            double[] agg = new double[din * cols];
            double[] next = new double[n * dout * cols];
            double[] h = primal.get(l + 1);
            for (int x = 0; x < n; x++) {
                java.util.Arrays.fill(agg, 0.0);
                for (int e = 0; e < from[x].length; e++) {
                    int j = from[x][e];
                    double c = coeff[x][e];
                    for (int i = 0; i < din * cols; i++) {
                        agg[i] += c * t[j * din * cols + i];
                    }
                }
                for (int o = 0; o < dout; o++) {
                    double slope = layer.activation().derivativeFromOutput(h[x * dout + o]);
                    int base = (x * dout + o) * cols;
                    if (slope == 0) {
                        continue;
                    }
                    for (int i = 0; i < din; i++) {
                        double w = dense.w()[i * dout + o] * slope;
                        if (w == 0) {
                            continue;
                        }
                        for (int c = 0; c < cols; c++) {
                            next[base + c] += w * agg[i * cols + c];
                        }
                    }
                }
            }
            t = next;
            out[l] = absoluteSums(t, n, dout, d0);
        }
        return out;
    }

    private static double[] absoluteSums(double[] t, int n, int d, int d0) {
        int cols = n * d0;
        double[] score = new double[n * n];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                double s = 0;
                for (int o = 0; o < d; o++) {
                    for (int f = 0; f < d0; f++) {
                        s += Math.abs(t[(x * d + o) * cols + y * d0 + f]);
                    }
                }
                score[x * n + y] = s;
            }
        }
        return score;
    }

    private static double[] normalise(double[] score, int n) {
        double[] dist = score.clone();
        for (int x = 0; x < n; x++) {
            double total = 0;
            for (int y = 0; y < n; y++) {
                total += dist[x * n + y];
            }
            for (int y = 0; y < n; y++) {
                // A node whose outputs are all dead (ReLU) has no influence distribution: NaN row.
                dist[x * n + y] = total > 0 ? dist[x * n + y] / total : Double.NaN;
            }
        }
        return dist;
    }

    private static Dense denseOf(GnnLayer layer) {
        if (layer instanceof AggregateLayer a && (a.aggregation() == Aggregation.MEAN
                || a.aggregation() == Aggregation.SUM)) {
            return a.dense();
        }
        if (layer instanceof GcnLayer c) {
            return c.dense();
        }
        throw new IllegalArgumentException("influence needs linear aggregation (sum, mean, gcn), got " + layer.key());
    }

    /** Node x's aggregation as Σ_e coeff[x][e]·h_{from[x][e]}, self term included. */
    private static void coefficients(Graph g, GnnLayer layer, int[][] from, double[][] coeff) {
        int n = g.nodes();
        double[] dt = new double[n];
        for (int j = 0; j < n; j++) {
            dt[j] = 1 + NeighbourReduce.degree(g, j);
        }
        for (int x = 0; x < n; x++) {
            int k0 = g.offsets()[x];
            int deg = g.inDegree(x);
            boolean self = layer instanceof GcnLayer || ((AggregateLayer) layer).selfLoop();
            from[x] = new int[deg + (self ? 1 : 0)];
            coeff[x] = new double[from[x].length];
            double total = 1.0;
            if (layer instanceof AggregateLayer a && a.aggregation() == Aggregation.MEAN) {
                total = NeighbourReduce.degree(g, x) + (self ? 1 : 0);
            }
            for (int e = 0; e < deg; e++) {
                int j = g.senders()[k0 + e];
                from[x][e] = j;
                coeff[x][e] = layer instanceof GcnLayer ? g.weight(k0 + e) / Math.sqrt(dt[x] * dt[j])
                        : g.weight(k0 + e) / total;
            }
            if (self) {
                from[x][deg] = x;
                coeff[x][deg] = layer instanceof GcnLayer ? 1 / dt[x] : 1 / total;
            }
        }
    }

    /** (P^k)_{xy} for k = 1 … depth, P = D̃⁻¹Ã (self-loops added): result[k − 1][x·n + y]. */
    public static double[][] randomWalk(Graph g, int depth) {
        int n = g.nodes();
        double[] q = new double[n * n];
        for (int x = 0; x < n; x++) {
            q[x * n + x] = 1;
        }
        double[][] out = new double[depth][];
        for (int k = 0; k < depth; k++) {
            double[] next = new double[n * n];
            for (int x = 0; x < n; x++) {
                double dt = 1 + NeighbourReduce.degree(g, x);
                for (int e = g.offsets()[x]; e < g.offsets()[x + 1]; e++) {
                    int j = g.senders()[e];
                    double p = g.weight(e) / dt;
                    for (int y = 0; y < n; y++) {
                        next[x * n + y] += p * q[j * n + y];
                    }
                }
                for (int y = 0; y < n; y++) {
                    next[x * n + y] += q[x * n + y] / dt;
                }
            }
            q = next;
            out[k] = q;
        }
        return out;
    }

    /**
     * Mean over the nodes x that have a distribution (rows of a that are not NaN) of the total-variation
     * distance ½ Σ_y |a_x(y) − b_x(y)|; NaN if none has.
     */
    public static double meanTotalVariation(double[] a, double[] b, int n) {
        double s = 0;
        int rows = 0;
        for (int x = 0; x < n; x++) {
            if (Double.isNaN(a[x * n])) {
                continue;
            }
            double tv = 0;
            for (int y = 0; y < n; y++) {
                tv += Math.abs(a[x * n + y] - b[x * n + y]);
            }
            s += tv / 2;
            rows++;
        }
        return rows == 0 ? Double.NaN : s / rows;
    }

    /** Nodes without an influence distribution (every output dead): NaN rows of a. */
    public static int undefinedRows(double[] a, int n) {
        int c = 0;
        for (int x = 0; x < n; x++) {
            c += Double.isNaN(a[x * n]) ? 1 : 0;
        }
        return c;
    }

    /** max |a − b| over the entries of rows that are defined (not NaN). */
    public static double maxAbsDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i])) {
                m = Math.max(m, Math.abs(a[i] - b[i]));
            }
        }
        return m;
    }
}
