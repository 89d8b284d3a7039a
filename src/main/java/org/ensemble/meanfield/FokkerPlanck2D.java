package org.ensemble.meanfield;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.ensemble.dynamics.PairInteraction;
import org.ensemble.potential.Potential;

/**
 * The 2-D Fokker–Planck / McKean–Vlasov equation ∂ρ/∂t = ∇·(ρ∇U + (1/β)∇ρ),
 * U = V + θ|x − m[ρ]|²/2, on a uniform grid with zero-flux walls: Scharfetter–Gummel fluxes along
 * each axis and Lie splitting into an implicit x-sweep and an implicit y-sweep, each a set of
 * tridiagonal solves (see {@link FokkerPlanck1D}). Each sweep conserves mass and keeps ρ ≥ 0, and
 * the product ρ ∝ e^{−βU} at the cell centres is a fixed point of both, so the stationary state
 * is exact on the grid; transients carry an O(dt) splitting error.
 */
public final class FokkerPlanck2D {
    private final double beta;
    private final double theta;
    private final double x0;
    private final double y0;
    private final double hx;
    private final double hy;
    private final int nx;
    private final int ny;
    private final double[] rho;
    private final double[] v;
    private final PairInteraction pair;
    private double time;

    public FokkerPlanck2D(Potential potential, double beta, double theta, double[] low, double[] high, int cells) {
        this(potential, beta, theta, null, low, high, cells);
    }

    /** With a 2-D Gaussian pair kernel too: U gains W ∗ ρ, by separable convolution (O(cells³) a step). */
    public FokkerPlanck2D(Potential potential, double beta, double theta, PairInteraction pair, double[] low,
                          double[] high, int cells) {
        if (potential.dimension() != 2) {
            throw new IllegalArgumentException("FokkerPlanck2D needs a 2-D potential, got dimension "
                    + potential.dimension());
        }
        if (cells < 3 || !(high[0] > low[0]) || !(high[1] > low[1]) || !(beta > 0) || !(theta >= 0)) {
            throw new IllegalArgumentException("bad grid or parameters");
        }
        this.beta = beta;
        this.theta = theta;
        this.x0 = low[0];
        this.y0 = low[1];
        this.nx = cells;
        this.ny = cells;
        this.hx = (high[0] - low[0]) / cells;
        this.hy = (high[1] - low[1]) / cells;
        this.rho = new double[nx * ny];
        this.pair = pair;
        this.v = new double[nx * ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                v[i * ny + j] = potential.energy(new double[] {cx(i), cy(j)});
            }
        }
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

    public double time() {
        return time;
    }

    /** Mass of each cell, row-major [i * ny + j] (copy). */
    public double[] cellMasses() {
        double[] m = new double[rho.length];
        for (int k = 0; k < rho.length; k++) {
            m[k] = rho[k] * hx * hy;
        }
        return m;
    }

    public double[] density() {
        return rho.clone();
    }

    /** The external potential at the cell centres, row-major [i * ny + j] (copy; for contour plots). */
    public double[] potentialAtCentres() {
        return v.clone();
    }

    public void startGaussian(double[] mean, double[] sd) {
        NormalDistribution gx = new NormalDistribution(null, mean[0], sd[0]);
        NormalDistribution gy = new NormalDistribution(null, mean[1], sd[1]);
        double total = 0;
        for (int i = 0; i < nx; i++) {
            double mx = gx.cumulativeProbability(x0 + (i + 1) * hx) - gx.cumulativeProbability(x0 + i * hx);
            for (int j = 0; j < ny; j++) {
                double my = gy.cumulativeProbability(y0 + (j + 1) * hy) - gy.cumulativeProbability(y0 + j * hy);
                rho[i * ny + j] = mx * my;
                total += mx * my;
            }
        }
        for (int k = 0; k < rho.length; k++) {
            rho[k] /= total * hx * hy;
        }
        time = 0;
    }

    public double mass() {
        double s = 0;
        for (double r : rho) {
            s += r;
        }
        return s * hx * hy;
    }

    public double[] mean() {
        double sx = 0;
        double sy = 0;
        double s = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double r = rho[i * ny + j];
                s += r;
                sx += r * cx(i);
                sy += r * cy(j);
            }
        }
        return new double[] {sx / s, sy / s};
    }

    public double minimum() {
        double m = Double.POSITIVE_INFINITY;
        for (double r : rho) {
            m = Math.min(m, r);
        }
        return m;
    }

    /** (W ∗ ρ) at the cell centres (zeros without a pair kernel): W = −J g(x)g(y) is separable. */
    public double[] interactionPotential() {
        double[] c = new double[rho.length];
        if (pair == null) {
            return c;
        }
        double[] along = new double[rho.length];
        for (int b = 0; b < nx; b++) {
            for (int j = 0; j < ny; j++) {
                double s = 0;
                for (int cc = 0; cc < ny; cc++) {
                    s += pair.g((j - cc) * hy) * rho[b * ny + cc];
                }
                along[b * ny + j] = s;
            }
        }
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double s = 0;
                for (int b = 0; b < nx; b++) {
                    s += pair.g((i - b) * hx) * along[b * ny + j];
                }
                c[i * ny + j] = -pair.strength() * s * hx * hy;
            }
        }
        return c;
    }

    /** F[ρ] = ∫ρV + (θ/2)(Var x + Var y) + ½∫(W ∗ ρ)ρ + (1/β)∫ρ log ρ for a density on this grid. */
    public double freeEnergyOf(double[] density) {
        // Evaluated by swapping the density in and out: the moment and convolution helpers read the
        // field, and the solver is single-threaded by design (one per run).
        double[] saved = rho.clone();
        System.arraycopy(density, 0, rho, 0, rho.length);
        try {
            double cell = hx * hy;
            double[] conv = interactionPotential();
            double[] m = mean();
            double f = 0;
            double var = 0;
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    int k = i * ny + j;
                    double r = rho[k];
                    f += cell * r * (v[k] + 0.5 * conv[k]);
                    if (r > 0) {
                        f += cell * r * Math.log(r) / beta;
                    }
                    double dx = cx(i) - m[0];
                    double dy = cy(j) - m[1];
                    var += cell * r * (dx * dx + dy * dy);
                }
            }
            return f + 0.5 * theta * var / mass();
        } finally {
            System.arraycopy(saved, 0, rho, 0, rho.length);
        }
    }

    public double freeEnergy() {
        return freeEnergyOf(rho);
    }

    /** A particle sample (particle-major x, y) as a density on this grid (outside points go to edge cells). */
    public double[] histogramOf(double[] xy) {
        double[] d = new double[rho.length];
        int n = xy.length / 2;
        for (int p = 0; p < n; p++) {
            int i = Math.max(0, Math.min(nx - 1, (int) Math.floor((xy[2 * p] - x0) / hx)));
            int j = Math.max(0, Math.min(ny - 1, (int) Math.floor((xy[2 * p + 1] - y0) / hy)));
            d[i * ny + j] += 1.0 / (n * hx * hy);
        }
        return d;
    }

    public double[] edgesX() {
        double[] e = new double[nx + 1];
        for (int i = 0; i <= nx; i++) {
            e[i] = x0 + i * hx;
        }
        return e;
    }

    public double[] edgesY() {
        double[] e = new double[ny + 1];
        for (int j = 0; j <= ny; j++) {
            e[j] = y0 + j * hy;
        }
        return e;
    }

    public void advanceTo(double until, double dt) {
        while (time < until - 1e-12 * Math.max(1, until)) {
            step(Math.min(dt, until - time));
        }
    }

    public void step(double dt) {
        double[] m = theta > 0 ? mean() : new double[2];
        double[] u = new double[rho.length];
        double[] conv = interactionPotential();
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double dx = cx(i) - m[0];
                double dy = cy(j) - m[1];
                u[i * ny + j] = v[i * ny + j] + 0.5 * theta * (dx * dx + dy * dy) + conv[i * ny + j];
            }
        }
        double[] line = new double[Math.max(nx, ny)];
        double[] uLine = new double[Math.max(nx, ny)];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                line[i] = rho[i * ny + j];
                uLine[i] = u[i * ny + j];
            }
            sweep(line, uLine, nx, hx, dt);
            for (int i = 0; i < nx; i++) {
                rho[i * ny + j] = line[i];
            }
        }
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                line[j] = rho[i * ny + j];
                uLine[j] = u[i * ny + j];
            }
            sweep(line, uLine, ny, hy, dt);
            for (int j = 0; j < ny; j++) {
                rho[i * ny + j] = line[j];
            }
        }
        time += dt;
    }

    /** One implicit 1-D Scharfetter–Gummel step along a grid line (same scheme as FokkerPlanck1D). */
    private void sweep(double[] r, double[] u, int n, double h, double dt) {
        double d = 1.0 / beta;
        double c = dt * d / (h * h);
        double[] a = new double[n - 1];
        double[] b = new double[n - 1];
        for (int k = 0; k < n - 1; k++) {
            double delta = (u[k + 1] - u[k]) / d;
            a[k] = c * FokkerPlanck1D.bernoulli(delta);
            b[k] = c * FokkerPlanck1D.bernoulli(-delta);
        }
        double[] lower = new double[n];
        double[] diag = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            double right = i < n - 1 ? a[i] : 0;
            double left = i > 0 ? b[i - 1] : 0;
            diag[i] = 1 + right + left;
            upper[i] = i < n - 1 ? -b[i] : 0;
            lower[i] = i > 0 ? -a[i - 1] : 0;
        }
        double[] old = java.util.Arrays.copyOf(r, n);
        double[] sol = java.util.Arrays.copyOf(r, n);
        FokkerPlanck1D.thomas(lower, diag, upper, sol);
        // Flux form from the solved line (mass exact up to the rounding of a telescoping sum).
        double inflow = 0;
        for (int i = 0; i < n; i++) {
            double outflow = i < n - 1 ? a[i] * sol[i] - b[i] * sol[i + 1] : 0;
            double next = old[i] - outflow + inflow;
            inflow = outflow;
            r[i] = next >= 0 ? next : sol[i];
        }
    }
}
