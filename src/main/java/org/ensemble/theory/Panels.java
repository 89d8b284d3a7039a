package org.ensemble.theory;

import java.util.Arrays;

/**
 * Quadrature panels on a stretch of a 1-D potential, as wide as e^{±βV} allows: a fraction of
 * its local length scale min(1/(β|V'|), 1/sqrt(β|V''|)), never wider than {@code hmax}. On such
 * panels a 10-point Gauss–Legendre rule integrates e^{±βV} to near round-off whatever β is.
 */
final class Panels {
    private Panels() {
    }

    static double[] edges(Line1D line, double beta, double from, double to, double hmax, double fraction) {
        double[] edges = new double[64];
        int n = 0;
        edges[n++] = from;
        double x = from;
        while (x < to) {
            double h = Math.min(width(line, beta, x, hmax, fraction), to - x);
            // Look ahead: the scale may shrink within the panel (a steepening wall).
            h = Math.min(h, width(line, beta, x + h, hmax, fraction));
            if (!(h > 0)) {
                throw new IllegalArgumentException("potential " + line.name() + " has no finite slope near "
                        + line.map(x));
            }
            // Avoid a sliver at the end: stretch to the end when less than half a panel would remain.
            double next = to - (x + h) < 0.5 * h ? to : x + h;
            if (n == edges.length) {
                edges = Arrays.copyOf(edges, 2 * n);
            }
            edges[n++] = next;
            x = next;
        }
        return Arrays.copyOf(edges, n);
    }

    private static double width(Line1D line, double beta, double x, double hmax, double fraction) {
        double slope = beta * Math.abs(line.slope(x));
        double curvature = Math.sqrt(beta * Math.abs(line.curvature(x)));
        double scale = Math.max(slope, curvature);
        return scale > 0 ? Math.min(hmax, fraction / scale) : hmax;
    }
}
