package org.ensemble.theory;

import org.ensemble.potential.Potential;

/**
 * The exact mean first-passage time of 1-D overdamped Langevin dynamics
 * dX = −V'(X) dt + sqrt(2/β) dW from a to b,
 * τ = β ∫_a^b e^{βV(y)} ∫_{−∞}^y e^{−βV(z)} dz dy (b > a, hit = X ≥ b; b < a by mirroring x → −x).
 *
 * <p>Composite 10-point Gauss–Legendre on panels sized to the local scale of e^{±βV}
 * (a fraction of 1/(β|V'|) on slopes and of 1/sqrt(β|V''|) at minima and maxima), so the same
 * relative accuracy (about 1e-12) holds for any β. The inner integral is carried as a logarithm and
 * combined with βV(y) in the exponent, so nothing over- or underflows unless τ itself does. The
 * lower cut-off is where e^{−βV} has fallen e^{−60} below its largest value left of a.
 */
public final class ExactMfpt1D {
    /** Weights below e^{−60} ≈ 1e-26 of the largest are dropped: far below double precision. */
    private static final double LOG_NEGLIGIBLE = 60;
    /** Panel width as a fraction of the local scale of e^{±βV}; 0.1 was checked to agree to 1e-13. */
    private static final double PANEL_FRACTION = 0.2;
    /** At least this many panels over [cut-off, b], so smooth stretches are still resolved. */
    private static final int MIN_PANELS = 400;

    private ExactMfpt1D() {
    }

    /**
     * Mean first-passage time from {@code from} to {@code to}: hit is X ≥ to when to > from and
     * X ≤ to when to < from.
     *
     * @throws IllegalArgumentException for a potential of dimension ≠ 1, β not positive and finite,
     *     non-finite end points, or a potential that does not confine on the side away from the target
     */
    public static double mfpt(Potential v, double beta, double from, double to) {
        return mfpt(v, beta, from, to, PANEL_FRACTION);
    }

    /** As {@link #mfpt(Potential, double, double, double)} with a chosen panel fraction (for convergence checks). */
    static double mfpt(Potential v, double beta, double from, double to, double panelFraction) {
        if (v.dimension() != 1) {
            throw new IllegalArgumentException("exact MFPT by quadrature needs a 1-D potential, got " + v.name()
                    + " of dimension " + v.dimension());
        }
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be positive and finite, got " + beta);
        }
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("start and target must be finite, got " + from + " → " + to);
        }
        if (from == to) {
            return 0;
        }
        Line1D line = Line1D.forEscape(v, from, to);
        double a = line.map(from);
        double b = line.map(to);
        double lower = line.leftCutoff(beta, a, LOG_NEGLIGIBLE);
        // Energies enter every exponent relative to V(a): keeps βV moderate where V itself is large.
        double shift = line.energy(a);
        double hmax = (b - lower) / MIN_PANELS;
        double[] left = Panels.edges(line, beta, lower, a, hmax, panelFraction);
        double[] right = Panels.edges(line, beta, a, b, hmax, panelFraction);

        // log ∫_{lower}^{a} e^{−β(V − shift)}: the inner integral's value on entering [a, b].
        double logInner = Double.NEGATIVE_INFINITY;
        for (int p = 0; p + 1 < left.length; p++) {
            logInner = logAddExp(logInner, logBoltzmann(line, beta, shift, left[p], left[p + 1]));
        }
        double total = 0;
        for (int p = 0; p + 1 < right.length; p++) {
            double x0 = right[p];
            double x1 = right[p + 1];
            double mid = 0.5 * (x0 + x1);
            double half = 0.5 * (x1 - x0);
            for (int k = 0; k < GaussLegendre.points(); k++) {
                double y = mid + half * GaussLegendre.node(k);
                double inner = logAddExp(logInner, logBoltzmann(line, beta, shift, x0, y));
                total += GaussLegendre.weight(k) * half * Math.exp(beta * (line.energy(y) - shift) + inner);
            }
            logInner = logAddExp(logInner, logBoltzmann(line, beta, shift, x0, x1));
        }
        return beta * total;
    }

    /** log ∫_{x0}^{x1} e^{−β(V − shift)} by one Gauss–Legendre panel, factoring out the panel's largest weight. */
    private static double logBoltzmann(Line1D line, double beta, double shift, double x0, double x1) {
        double mid = 0.5 * (x0 + x1);
        double half = 0.5 * (x1 - x0);
        int n = GaussLegendre.points();
        double[] e = new double[n];
        double emin = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            e[k] = line.energy(mid + half * GaussLegendre.node(k));
            emin = Math.min(emin, e[k]);
        }
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += GaussLegendre.weight(k) * Math.exp(-beta * (e[k] - emin));
        }
        return Math.log(s * half) - beta * (emin - shift);
    }

    static double logAddExp(double p, double q) {
        if (p == Double.NEGATIVE_INFINITY) {
            return q;
        }
        if (q == Double.NEGATIVE_INFINITY) {
            return p;
        }
        double m = Math.max(p, q);
        return m + Math.log1p(Math.exp(-Math.abs(p - q)));
    }
}
