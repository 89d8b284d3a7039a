package org.ensemble.theory;

import org.ensemble.potential.Potential;

/**
 * The exact mean first-passage time of 1-D overdamped Langevin dynamics
 * dX = −V'(X) dt + sqrt(2/β) dW from a to b:
 * τ = β ∫_a^b e^{βV(y)} ∫_{−∞}^y e^{−βV(z)} dz dy (b > a; b < a by reflection).
 * Composite 10-point Gauss–Legendre on fine panels, with energies shifted by their minimum so
 * nothing overflows; the left cut-off is where e^{−β(V − min V)} < e^{−60}.
 */
public final class ExactMfpt1D {
    private static final int PANELS = 4000;

    private ExactMfpt1D() {
    }

    public static double mfpt(Potential v, double beta, double from, double to) {
        if (v.dimension() != 1) {
            throw new IllegalArgumentException("exact MFPT by quadrature needs a 1-D potential, got dimension "
                    + v.dimension());
        }
        if (from == to) {
            return 0;
        }
        if (to < from) {
            // Reflect x → −x so the target is always to the right.
            Potential reflected = new Potential() {
                public int dimension() {
                    return 1;
                }

                public double energy(double[] x) {
                    return v.energy(new double[] {-x[0]});
                }

                public void gradient(double[] x, double[] out) {
                    v.gradient(new double[] {-x[0]}, out);
                    out[0] = -out[0];
                }
            };
            return mfpt(reflected, beta, -from, -to);
        }
        double a = from;
        double b = to;
        double vmin = Double.POSITIVE_INFINITY;
        int scan = 2000;
        for (int i = 0; i <= scan; i++) {
            vmin = Math.min(vmin, e(v, a + (b - a) * i / scan));
        }
        // Walk left until the Boltzmann weight is negligible.
        double step = Math.max(1e-3, (b - a) / 100);
        double lower = a;
        int guard = 0;
        while (beta * (e(v, lower) - vmin) < 60) {
            lower -= step;
            vmin = Math.min(vmin, e(v, lower));
            step *= 1.2;
            if (++guard > 500) {
                throw new IllegalArgumentException("potential " + v.name() + " does not confine to the left of " + a
                        + "; the MFPT is infinite");
            }
        }
        double shift = vmin;
        double left = lower;
        // Inner cumulative integral at panel edges on [lower, b].
        double h = (b - left) / PANELS;
        double[] cum = new double[PANELS + 1];
        for (int p = 0; p < PANELS; p++) {
            double x0 = left + p * h;
            cum[p + 1] = cum[p] + GaussLegendre.integrate(z -> Math.exp(-beta * (e(v, z) - shift)), x0, x0 + h);
        }
        // Outer integral over [a, b] on the same panels (a split where it falls inside one).
        double total = 0;
        for (int p = 0; p < PANELS; p++) {
            double x0 = left + p * h;
            double x1 = x0 + h;
            if (x1 <= a) {
                continue;
            }
            double lo = Math.max(x0, a);
            int panel = p;
            total += GaussLegendre.integrate(y -> {
                double inner = cum[panel] + GaussLegendre.integrate(z -> Math.exp(-beta * (e(v, z) - shift)),
                        left + panel * h, y);
                return Math.exp(beta * (e(v, y) - shift)) * inner;
            }, lo, x1);
        }
        return beta * total;
    }

    private static double e(Potential v, double x) {
        return v.energy(new double[] {x});
    }
}
