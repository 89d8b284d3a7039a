package org.ensemble.dynamics;

/**
 * A pair interaction W(r) = −J·e^{−r²/(2s²)} (attractive for J > 0) in 1-D, whose force on a
 * particle at x is (W' ∗ μ_N)(x) = (1/N)Σ_j W'(x − x_j). Two ways to evaluate the field each step:
 * {@code GRID}: the coordinator deposits the particles on grid nodes (cloud-in-cell), convolves
 * with W' on the grid and broadcasts the force table, which particles interpolate linearly
 * (O(h²), cost O(N + M²)); {@code PAIRS}: the exact sum over all particles (O(N²), small N, a
 * check of the grid).
 */
public record PairInteraction(double strength, double width, Method method, double low, double high, int nodes) {
    public enum Method { GRID, PAIRS }

    public PairInteraction {
        if (!(width > 0) || !Double.isFinite(strength)) {
            throw new IllegalArgumentException("pair kernel needs width > 0 and a finite strength");
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
}
