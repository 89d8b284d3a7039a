package org.ensemble.dynamics;

/**
 * A pair interaction W(r) = −J·e^{−|r|²/(2s²)} (attractive for J > 0) in 1-D or 2-D, whose force
 * on a particle at x is (∇W ∗ μ_N)(x) = (1/N)Σ_j ∇W(x − x_j). In 2-D the grid is the square
 * [low, high]² and, the Gaussian being separable (W = −J g(x)g(y)), the grid convolution is done
 * axis by axis in O(M³) instead of O(M⁴). Two ways to evaluate the field each step:
 * {@code GRID}: the coordinator deposits the particles on grid nodes (cloud-in-cell), convolves
 * with W' on the grid and broadcasts the force table, which particles interpolate linearly
 * (O(h²), cost O(N + M²)); {@code PAIRS}: the exact sum over all particles (O(N²), small N, a
 * check of the grid).
 */
public record PairInteraction(double strength, double width, Method method, double low, double high, int nodes,
                              int dimension) {
    public enum Method { GRID, PAIRS }

    /** A 1-D pair interaction. */
    public PairInteraction(double strength, double width, Method method, double low, double high, int nodes) {
        this(strength, width, method, low, high, nodes, 1);
    }

    public PairInteraction {
        if (!(width > 0) || !Double.isFinite(strength)) {
            throw new IllegalArgumentException("pair kernel needs width > 0 and a finite strength");
        }
        if (dimension != 1 && dimension != 2) {
            throw new IllegalArgumentException("pair kernels are implemented in 1-D and 2-D, got dimension " + dimension);
        }
        if (method == Method.GRID && (!(high > low) || nodes < 3)) {
            throw new IllegalArgumentException("grid needs low < high and at least 3 nodes");
        }
    }

    public double w(double r) {
        return -strength * Math.exp(-r * r / (2 * width * width));
    }

    /** W'(r). */
    public double dw(double r) {
        return strength * r / (width * width) * Math.exp(-r * r / (2 * width * width));
    }

    public double spacing() {
        return (high - low) / (nodes - 1);
    }

    public double node(int k) {
        return low + k * spacing();
    }

    /** Adds x's cloud-in-cell weights (total {@code weight}) to the node array; outside the grid: the end node. */
    public void deposit(double x, double weight, double[] nodeWeights) {
        double t = (x - low) / spacing();
        if (t <= 0) {
            nodeWeights[0] += weight;
        } else if (t >= nodes - 1) {
            nodeWeights[nodes - 1] += weight;
        } else {
            int k = (int) t;
            double f = t - k;
            nodeWeights[k] += weight * (1 - f);
            nodeWeights[k + 1] += weight * f;
        }
    }

    /** F_k = Σ_b W'(y_k − y_b)·p_b from node probabilities p (summing to 1). */
    public double[] forceTable(double[] p) {
        double[] f = new double[nodes];
        double[] dwByOffset = new double[2 * nodes - 1];
        for (int d = -(nodes - 1); d <= nodes - 1; d++) {
            dwByOffset[d + nodes - 1] = dw(d * spacing());
        }
        for (int k = 0; k < nodes; k++) {
            double s = 0;
            for (int b = 0; b < nodes; b++) {
                s += dwByOffset[k - b + nodes - 1] * p[b];
            }
            f[k] = s;
        }
        return f;
    }

    /** The force table interpolated linearly at x (held constant beyond the grid). */
    public double interpolate(double[] table, double x) {
        double t = (x - low) / spacing();
        if (t <= 0) {
            return table[0];
        }
        if (t >= nodes - 1) {
            return table[nodes - 1];
        }
        int k = (int) t;
        double f = t - k;
        return table[k] * (1 - f) + table[k + 1] * f;
    }

    /** The exact field (1/N)Σ_j W'(x − x_j) over all positions, in index order. */
    public double pairForce(double x, double[] positions) {
        double s = 0;
        for (double y : positions) {
            s += dw(x - y);
        }
        return s / positions.length;
    }

    /** The field at x from the broadcast {@code field}: a force table (GRID) or all positions (PAIRS). */
    public double force(double x, double[] field) {
        return method == Method.GRID ? interpolate(field, x) : pairForce(x, field);
    }

    /** g(t) = e^{−t²/(2s²)}: W = −J g(x)g(y) in 2-D. */
    public double g(double t) {
        return Math.exp(-t * t / (2 * width * width));
    }

    /** W in 2-D at offset (dx, dy). */
    public double w2(double dx, double dy) {
        return -strength * g(dx) * g(dy);
    }

    /** Bilinear deposit of (x, y) on the nodes × nodes grid, index k·nodes + l (clamped to the grid). */
    public void deposit2(double x, double y, double weight, double[] nodeWeights) {
        double tx = clampIndex((x - low) / spacing());
        double ty = clampIndex((y - low) / spacing());
        int k = Math.min((int) tx, nodes - 2);
        int l = Math.min((int) ty, nodes - 2);
        double fx = tx - k;
        double fy = ty - l;
        nodeWeights[k * nodes + l] += weight * (1 - fx) * (1 - fy);
        nodeWeights[(k + 1) * nodes + l] += weight * fx * (1 - fy);
        nodeWeights[k * nodes + l + 1] += weight * (1 - fx) * fy;
        nodeWeights[(k + 1) * nodes + l + 1] += weight * fx * fy;
    }

    private double clampIndex(double t) {
        return t < 0 ? 0 : (t > nodes - 1 ? nodes - 1 : t);
    }

    /**
     * The 2-D force table [F_x on the grid, then F_y], from node probabilities p (row-major by x
     * node): F_x = (J/s²)(t g(t)) ⊛_x (g ⊛_y p), F_y likewise, each a pair of 1-D convolutions.
     */
    public double[] forceTable2(double[] p) {
        int m = nodes;
        double h = spacing();
        double[] gk = new double[2 * m - 1];
        double[] dk = new double[2 * m - 1];
        for (int d = -(m - 1); d <= m - 1; d++) {
            gk[d + m - 1] = g(d * h);
            dk[d + m - 1] = strength * (d * h) / (width * width) * g(d * h);
        }
        double[] along = new double[m * m];
        double[] out = new double[2 * m * m];
        // F_x: smooth along y with g, then differentiate along x with t·g(t).
        for (int b = 0; b < m; b++) {
            for (int l = 0; l < m; l++) {
                double s = 0;
                for (int c = 0; c < m; c++) {
                    s += gk[l - c + m - 1] * p[b * m + c];
                }
                along[b * m + l] = s;
            }
        }
        for (int k = 0; k < m; k++) {
            for (int l = 0; l < m; l++) {
                double s = 0;
                for (int b = 0; b < m; b++) {
                    s += dk[k - b + m - 1] * along[b * m + l];
                }
                out[k * m + l] = s;
            }
        }
        // F_y: smooth along x with g, then differentiate along y.
        for (int k = 0; k < m; k++) {
            for (int c = 0; c < m; c++) {
                double s = 0;
                for (int b = 0; b < m; b++) {
                    s += gk[k - b + m - 1] * p[b * m + c];
                }
                along[k * m + c] = s;
            }
        }
        for (int k = 0; k < m; k++) {
            for (int l = 0; l < m; l++) {
                double s = 0;
                for (int c = 0; c < m; c++) {
                    s += dk[l - c + m - 1] * along[k * m + c];
                }
                out[m * m + k * m + l] = s;
            }
        }
        return out;
    }

    /** Component {@code axis} of a 2-D force table, bilinearly interpolated at (x, y). */
    public double interpolate2(double[] table, double x, double y, int axis) {
        double tx = clampIndex((x - low) / spacing());
        double ty = clampIndex((y - low) / spacing());
        int k = Math.min((int) tx, nodes - 2);
        int l = Math.min((int) ty, nodes - 2);
        double fx = tx - k;
        double fy = ty - l;
        int o = axis * nodes * nodes;
        return table[o + k * nodes + l] * (1 - fx) * (1 - fy) + table[o + (k + 1) * nodes + l] * fx * (1 - fy)
                + table[o + k * nodes + l + 1] * (1 - fx) * fy + table[o + (k + 1) * nodes + l + 1] * fx * fy;
    }

    /** Component {@code axis} of the exact 2-D field over all positions (particle-major [x, y, x, y, …]). */
    public double pairForce2(double x, double y, double[] positions, int axis) {
        double s = 0;
        int n = positions.length / 2;
        for (int j = 0; j < n; j++) {
            double dx = x - positions[2 * j];
            double dy = y - positions[2 * j + 1];
            double e = strength / (width * width) * g(dx) * g(dy);
            s += (axis == 0 ? dx : dy) * e;
        }
        return s / n;
    }

    /** Component {@code axis} of the 2-D field at (x, y) from the broadcast field. */
    public double force2(double x, double y, double[] field, int axis) {
        return method == Method.GRID ? interpolate2(field, x, y, axis) : pairForce2(x, y, field, axis);
    }
}
