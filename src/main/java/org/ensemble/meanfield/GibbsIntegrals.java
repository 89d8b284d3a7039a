package org.ensemble.meanfield;

import java.util.function.DoubleUnaryOperator;
import org.ensemble.theory.GaussLegendre;

/**
 * Moments of tilted Gibbs densities ∝ e^{−β U(x) + h x} on the line, by composite
 * {@link GaussLegendre} on a fixed fine grid over a window outside which the weight is below e^{−60}.
 * Exponents are shifted by their maximum so nothing overflows; results are accurate to ~1e-13
 * relative for the smooth confining potentials used here.
 */
final class GibbsIntegrals {
    private static final int PANELS = 2000;

    /** Moments of one density: Z (scaled by e^{−shift}), mean, variance, and log Z. */
    record Moments(double logZ, double mean, double variance) {
    }

    private GibbsIntegrals() {
    }

    /** Moments of ∝ e^{−φ(x)} with φ confining on both sides. */
    static Moments moments(DoubleUnaryOperator phi) {
        double lo = -1;
        double hi = 1;
        double min = Math.min(phi.applyAsDouble(0), Math.min(phi.applyAsDouble(lo), phi.applyAsDouble(hi)));
        // Widen until the weight at both ends is negligible.
        for (int k = 0; k < 200 && phi.applyAsDouble(lo) - min < 60; k++) {
            lo *= 1.25;
            min = Math.min(min, phi.applyAsDouble(lo));
        }
        for (int k = 0; k < 200 && phi.applyAsDouble(hi) - min < 60; k++) {
            hi *= 1.25;
            min = Math.min(min, phi.applyAsDouble(hi));
        }
        double h = (hi - lo) / PANELS;
        // First pass: the minimum of φ on the nodes, for the shift.
        double shift = Double.POSITIVE_INFINITY;
        for (int p = 0; p < PANELS; p++) {
            double mid = lo + (p + 0.5) * h;
            for (int i = 0; i < GaussLegendre.points(); i++) {
                shift = Math.min(shift, phi.applyAsDouble(mid + 0.5 * h * GaussLegendre.node(i)));
            }
        }
        double z = 0;
        double s1 = 0;
        for (int p = 0; p < PANELS; p++) {
            double mid = lo + (p + 0.5) * h;
            for (int i = 0; i < GaussLegendre.points(); i++) {
                double x = mid + 0.5 * h * GaussLegendre.node(i);
                double w = GaussLegendre.weight(i) * 0.5 * h * Math.exp(-(phi.applyAsDouble(x) - shift));
                z += w;
                s1 += w * x;
            }
        }
        double mean = s1 / z;
        double s2 = 0;
        for (int p = 0; p < PANELS; p++) {
            double mid = lo + (p + 0.5) * h;
            for (int i = 0; i < GaussLegendre.points(); i++) {
                double x = mid + 0.5 * h * GaussLegendre.node(i);
                double w = GaussLegendre.weight(i) * 0.5 * h * Math.exp(-(phi.applyAsDouble(x) - shift));
                s2 += w * (x - mean) * (x - mean);
            }
        }
        return new Moments(Math.log(z) - shift, mean, s2 / z);
    }
}
