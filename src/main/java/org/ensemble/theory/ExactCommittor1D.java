package org.ensemble.theory;

import org.ensemble.potential.Potential;

/**
 * The exact committor of 1-D overdamped Langevin dynamics dX = −V'(X) dt + sqrt(2/β) dW between
 * A = {x ≤ a} and B = {x ≥ b}: the probability of reaching b before a from x,
 * q(x) = ∫_a^x e^{βV} / ∫_a^b e^{βV}.
 *
 * <p>Same quadrature as {@link ExactMfpt1D}: composite 10-point Gauss–Legendre on panels sized to
 * the local scale of e^{βV} ({@link Panels}), each panel's sum carried as a logarithm with its
 * largest weight factored out, so q stays accurate (about 1e-12 relative) far below 1e-300 and for
 * any β — e^{βV} itself is never formed.
 */
public final class ExactCommittor1D {
    /** As in {@link ExactMfpt1D}: 0.2 of the local length scale of e^{βV} per panel. */
    private static final double PANEL_FRACTION = 0.2;
    /** At least this many panels over [a, b]. */
    private static final int MIN_PANELS = 400;

    private ExactCommittor1D() {
    }

    /** q(x), the probability of reaching {@code b} before {@code a} from {@code x}. */
    public static double committor(Potential v, double beta, double a, double b, double x) {
        return Math.exp(logCommittor(v, beta, a, b, x));
    }

    /**
     * log q(x) (−∞ at x ≤ a, 0 at x ≥ b).
     *
     * @throws IllegalArgumentException for a potential of dimension ≠ 1, β not positive and finite,
     *     or a, b not finite with a < b
     */
    public static double logCommittor(Potential v, double beta, double a, double b, double x) {
        if (v.dimension() != 1) {
            throw new IllegalArgumentException("exact committor by quadrature needs a 1-D potential, got " + v.name()
                    + " of dimension " + v.dimension());
        }
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be positive and finite, got " + beta);
        }
        if (!Double.isFinite(a) || !Double.isFinite(b) || !(a < b)) {
            throw new IllegalArgumentException("committor needs finite a < b, got a = " + a + ", b = " + b);
        }
        if (x <= a) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x >= b) {
            return 0;
        }
        Line1D line = Line1D.forEscape(v, a, b);
        double hmax = (b - a) / MIN_PANELS;
        double shift = line.energy(a);
        double below = logIntegral(line, beta, shift, a, x, hmax);
        double above = logIntegral(line, beta, shift, x, b, hmax);
        // log(I_ax / (I_ax + I_xb)) = −log(1 + e^d), d = log I_xb − log I_ax, written so e^d never overflows.
        double d = above - below;
        return d > 0 ? -(d + Math.log1p(Math.exp(-d))) : -Math.log1p(Math.exp(d));
    }

    /** log ∫_{from}^{to} e^{β(V − shift)}. */
    private static double logIntegral(Line1D line, double beta, double shift, double from, double to, double hmax) {
        double[] edges = Panels.edges(line, beta, from, to, hmax, PANEL_FRACTION);
        double log = Double.NEGATIVE_INFINITY;
        for (int p = 0; p + 1 < edges.length; p++) {
            log = ExactMfpt1D.logAddExp(log, logPanel(line, beta, shift, edges[p], edges[p + 1]));
        }
        return log;
    }

    /** log ∫_{x0}^{x1} e^{β(V − shift)} by one Gauss–Legendre panel, its largest weight factored out. */
    private static double logPanel(Line1D line, double beta, double shift, double x0, double x1) {
        double mid = 0.5 * (x0 + x1);
        double half = 0.5 * (x1 - x0);
        int n = GaussLegendre.points();
        double[] e = new double[n];
        double emax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            e[k] = line.energy(mid + half * GaussLegendre.node(k));
            emax = Math.max(emax, e[k]);
        }
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += GaussLegendre.weight(k) * Math.exp(beta * (e[k] - emax));
        }
        return Math.log(s * half) + beta * (emax - shift);
    }
}
