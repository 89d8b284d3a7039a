package org.ensemble.meanfield;

import org.ensemble.potential.Potential;

/**
 * The committor q(x) = P(reach B before A from x) of overdamped Langevin dynamics in 2-D, from the
 * backward Kolmogorov equation (1/β)Δq − ∇V·∇q = 0 on the cell centres of the {@link FokkerPlanck2D}
 * grid, with q = 0 on the ball A, q = 1 on the ball B and zero flux through the box walls.
 *
 * <p>The discretisation is the Scharfetter–Gummel one of {@link FokkerPlanck2D}, read backwards:
 * its fluxes are the master equation of a jump process between neighbouring cells with rates
 * (1/β)/h² · B(β(V_j − V_i)), B(z) = z/(e^z − 1), whose committor is the grid's. Next to a ball the
 * link is cut where it meets the sphere (at θh, Shortley–Weller): the rate to the sphere becomes
 * (1/β)/(θh·h̄) · B(β(V_sphere − V_i)), h̄ the mean of the two spacings along that axis, so the
 * balls' curved edges cost O(h²) rather than the O(h) of a staircase.
 *
 * <p>Solved by eliminating the cells one at a time in row-major order (a banded Gaussian elimination
 * of half-bandwidth = cells per row) in the Grassmann–Taksar–Heyman form: every number is a rate or a
 * sum or product of rates, never a difference, so q keeps full relative accuracy where it is tiny
 * (1e-10 next to A is as accurate as 0.5 in the middle), which a plain solve cannot promise.
 * Cost O(cells⁴) time and O(cells³) memory: 160 cells per axis take about a second.
 */
public final class Committor2D {
    private final double x0;
    private final double y0;
    private final double hx;
    private final double hy;
    private final int nx;
    private final int ny;
    private final double[] q;

    /**
     * @param low   the box's lower corner
     * @param high  its upper corner
     * @param cells cells per axis
     */
    public Committor2D(Potential potential, double beta, double[] low, double[] high, int cells, double[] centreA,
                       double radiusA, double[] centreB, double radiusB) {
        if (potential.dimension() != 2) {
            throw new IllegalArgumentException("Committor2D needs a 2-D potential, got dimension "
                    + potential.dimension());
        }
        if (cells < 3 || !(high[0] > low[0]) || !(high[1] > low[1]) || !(beta > 0) || !(radiusA > 0)
                || !(radiusB > 0)) {
            throw new IllegalArgumentException("bad grid, β or radii");
        }
        this.x0 = low[0];
        this.y0 = low[1];
        this.nx = cells;
        this.ny = cells;
        this.hx = (high[0] - low[0]) / cells;
        this.hy = (high[1] - low[1]) / cells;
        this.q = solve(potential, beta, centreA, radiusA, centreB, radiusB);
    }

    public double cx(int i) {
        return x0 + (i + 0.5) * hx;
    }

    public double cy(int j) {
        return y0 + (j + 0.5) * hy;
    }

    public int cellsPerAxis() {
        return nx;
    }

    /** q at the cell centres, row-major [i * ny + j] (copy). */
    public double[] values() {
        return q.clone();
    }

    /** q at (x, y) by bilinear interpolation between the four nearest cell centres (clamped to the box). */
    public double at(double x, double y) {
        double u = Math.max(0, Math.min(nx - 1.0, (x - x0) / hx - 0.5));
        double v = Math.max(0, Math.min(ny - 1.0, (y - y0) / hy - 0.5));
        int i = Math.min(nx - 2, (int) Math.floor(u));
        int j = Math.min(ny - 2, (int) Math.floor(v));
        double fu = u - i;
        double fv = v - j;
        return (1 - fu) * ((1 - fv) * q[i * ny + j] + fv * q[i * ny + j + 1])
                + fu * ((1 - fv) * q[(i + 1) * ny + j] + fv * q[(i + 1) * ny + j + 1]);
    }

    private double[] solve(Potential v, double beta, double[] ca, double ra, double[] cb, double rb) {
        int n = nx * ny;
        int w = ny; // half-bandwidth: a cell's neighbours are ±1 and ±ny in row-major order
        int width = 2 * w + 1;
        double[] band = new double[n * width]; // rate from k to k + o at band[k * width + w + o]
        double[] toA = new double[n];
        double[] toB = new double[n];
        byte[] kind = new byte[n]; // 0 unknown, 1 in A, 2 in B
        double[] energy = new double[n];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                int k = i * ny + j;
                kind[k] = inside(cx(i), cy(j), ca, ra) ? (byte) 1 : inside(cx(i), cy(j), cb, rb) ? (byte) 2 : 0;
                energy[k] = v.energy(new double[] {cx(i), cy(j)});
            }
        }
        double d = 1 / beta;
        int[][] axes = {{1, 0}, {0, 1}};
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                int k = i * ny + j;
                if (kind[k] != 0) {
                    continue;
                }
                for (int[] ax : axes) {
                    double h = ax[0] == 1 ? hx : hy;
                    double[] spacing = new double[2];
                    double[] theta = new double[2];
                    for (int s = 0; s < 2; s++) {
                        int sign = s == 0 ? -1 : 1;
                        int ii = i + sign * ax[0];
                        int jj = j + sign * ax[1];
                        theta[s] = 1;
                        if (ii >= 0 && ii < nx && jj >= 0 && jj < ny && kind[ii * ny + jj] != 0) {
                            double[] c = kind[ii * ny + jj] == 1 ? ca : cb;
                            double r = kind[ii * ny + jj] == 1 ? ra : rb;
                            theta[s] = Math.max(1e-6, cut(cx(i), cy(j), sign * ax[0] * hx, sign * ax[1] * hy, c, r));
                        }
                        spacing[s] = theta[s] * h;
                    }
                    double mean = (spacing[0] + spacing[1]) / 2;
                    for (int s = 0; s < 2; s++) {
                        int sign = s == 0 ? -1 : 1;
                        int ii = i + sign * ax[0];
                        int jj = j + sign * ax[1];
                        if (ii < 0 || ii >= nx || jj < 0 || jj >= ny) {
                            continue; // a wall: no flux
                        }
                        int kk = ii * ny + jj;
                        double target = kind[kk] == 0 ? energy[kk] : v.energy(new double[] {
                            cx(i) + sign * ax[0] * theta[s] * hx, cy(j) + sign * ax[1] * theta[s] * hy});
                        double rate = d / (spacing[s] * mean) * FokkerPlanck1D.bernoulli(beta * (target - energy[k]));
                        if (kind[kk] == 1) {
                            toA[k] += rate;
                        } else if (kind[kk] == 2) {
                            toB[k] += rate;
                        } else {
                            band[k * width + w + (kk - k)] += rate;
                        }
                    }
                }
            }
        }
        // Elimination: cell k leaves the chain; a jump i → k → j becomes i → j with probability
        // rate(k → j)/R_k, R_k the total of k's remaining rates (a sum of positives: no cancellation).
        double[] total = new double[n];
        for (int k = 0; k < n; k++) {
            if (kind[k] != 0) {
                continue;
            }
            double r = toA[k] + toB[k];
            for (int o = 1; o <= w && k + o < n; o++) {
                r += band[k * width + w + o];
            }
            total[k] = r;
            if (r == 0) {
                continue; // cut off from A and B (cannot happen in a connected box); q stays 0
            }
            for (int o = 1; o <= w && k + o < n; o++) {
                int i = k + o;
                double in = band[i * width + w - o]; // rate i → k
                if (in == 0) {
                    continue;
                }
                double f = in / r;
                band[i * width + w - o] = 0;
                toA[i] += f * toA[k];
                toB[i] += f * toB[k];
                for (int p = 1; p <= w && k + p < n; p++) {
                    double out = band[k * width + w + p]; // rate k → k + p
                    if (out != 0 && p != o) {
                        band[i * width + w + (p - o)] += f * out;
                    }
                }
            }
        }
        double[] result = new double[n];
        for (int k = n - 1; k >= 0; k--) {
            if (kind[k] == 2) {
                result[k] = 1;
            } else if (kind[k] == 0 && total[k] > 0) {
                double s = toB[k];
                for (int o = 1; o <= w && k + o < n; o++) {
                    s += band[k * width + w + o] * result[k + o];
                }
                result[k] = s / total[k];
            }
        }
        return result;
    }

    private static boolean inside(double x, double y, double[] c, double r) {
        double dx = x - c[0];
        double dy = y - c[1];
        return dx * dx + dy * dy <= r * r;
    }

    /** The fraction θ ∈ (0, 1] of the step (ux, uy) from (x, y) (outside the ball) at which it meets the sphere. */
    private static double cut(double x, double y, double ux, double uy, double[] c, double r) {
        double px = x - c[0];
        double py = y - c[1];
        double a = ux * ux + uy * uy;
        double b = 2 * (px * ux + py * uy);
        double cc = px * px + py * py - r * r;
        double disc = Math.max(0, b * b - 4 * a * cc);
        // the smaller root: where the segment first enters the ball (written to avoid cancellation)
        double t = 2 * cc / (-b + Math.sqrt(disc));
        return Math.min(1, t);
    }
}
