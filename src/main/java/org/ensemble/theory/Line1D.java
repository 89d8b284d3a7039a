package org.ensemble.theory;

import org.ensemble.potential.Potential;

/**
 * A 1-D potential seen as a function of one double, optionally mirrored (x → −x), so that the
 * 1-D solvers only ever treat escapes to the right: an escape downward, X ≤ b, of V is the escape
 * upward, X ≥ −b, of x ↦ V(−x). Holds a one-element buffer, so one instance belongs to one call
 * (never shared between threads).
 */
final class Line1D {
    private final Potential v;
    private final double sign;
    private final double[] in = new double[1];
    private final double[] out = new double[1];

    private Line1D(Potential v, boolean mirrored) {
        if (v.dimension() != 1) {
            throw new IllegalArgumentException("a 1-D potential is needed, got " + v.name() + " of dimension "
                    + v.dimension());
        }
        this.v = v;
        this.sign = mirrored ? -1 : 1;
    }

    /** V itself when escaping upwards ({@code to > from}), the mirror image otherwise. */
    static Line1D forEscape(Potential v, double from, double to) {
        return new Line1D(v, to < from);
    }

    /** Maps a point of V's line to this line (the identity or x ↦ −x). */
    double map(double x) {
        return sign * x;
    }

    double energy(double x) {
        in[0] = sign * x;
        return v.energy(in);
    }

    double slope(double x) {
        in[0] = sign * x;
        v.gradient(in, out);
        return sign * out[0];
    }

    /** V'' by a central difference of V' (step ~ ε^{1/3}·scale); only used to size grids. */
    double curvature(double x) {
        double h = 6e-6 * Math.max(1, Math.abs(x));
        return (slope(x + h) - slope(x - h)) / (2 * h);
    }

    /**
     * A point left of {@code a} beyond which the Boltzmann weight e^{−βV} is below e^{−logRatio}
     * times its largest value on [cut-off, a], so dropping the region left of it changes nothing
     * visible in double precision. The line is scanned with geometrically growing steps out to
     * 10^6 (a deeper well further out, or one narrower than the scan's steps, is not seen).
     *
     * @throws IllegalArgumentException when V does not rise by logRatio/β on the left within the scan
     *     (the process drifts off to −∞ and no mean first-passage time exists)
     */
    double leftCutoff(double beta, double a, double logRatio) {
        final int points = 200;
        double[] xs = new double[points];
        double[] es = new double[points];
        double ref = energy(a);
        double step = 1e-2;
        double x = a;
        for (int k = 0; k < points; k++) {
            x -= step;
            step *= 1.1; // 200 steps reach about 10^6 to the left
            xs[k] = x;
            es[k] = energy(x);
            if (Double.isNaN(es[k]) || es[k] == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("potential " + name() + " is not finite at " + map(x));
            }
            ref = Math.min(ref, es[k]);
        }
        int last = -1; // the left-most scanned point whose weight still counts
        for (int k = 0; k < points; k++) {
            if (beta * (es[k] - ref) < logRatio) {
                last = k;
            }
        }
        if (last == points - 1) {
            throw new IllegalArgumentException("potential " + name() + " does not confine on the "
                    + (sign < 0 ? "right" : "left") + " (e^{−βV} not negligible at " + map(xs[last])
                    + "); the mean first-passage time is infinite");
        }
        return xs[last + 1];
    }

    String name() {
        return sign < 0 ? v.name() + " mirrored" : v.name();
    }
}
