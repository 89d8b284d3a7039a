package org.ensemble.graphdynamics;

import java.util.Arrays;

/**
 * W1 on the circle between a sample of phases and a density that is constant on each of M equal
 * cells of [0, 2π): W1 = min_c ∫₀^{2π} |F(θ) − G(θ) − c| dθ (F, G the two distribution functions
 * from 0). For a fixed c the integral is exact (F is a step function, G piecewise linear, so the
 * integrand is |linear| between consecutive breakpoints); the minimising c — a median of F − G — is
 * found by ternary search on this convex function of c.
 */
public final class CircleWasserstein {
    private CircleWasserstein() {
    }

    public static double distance(double[] phases, double[] density) {
        double[] p = phases.clone();
        for (int i = 0; i < p.length; i++) {
            p[i] = NodeDynamics.wrap(p[i]);
        }
        Arrays.sort(p);
        double lo = -1;
        double hi = 1;
        for (int it = 0; it < 100; it++) {
            double a = lo + (hi - lo) / 3;
            double b = hi - (hi - lo) / 3;
            if (integral(p, density, a) <= integral(p, density, b)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return integral(p, density, 0.5 * (lo + hi));
    }

    /** ∫ |F − G − c| exactly, sweeping the cell edges and the sorted sample together. */
    static double integral(double[] sorted, double[] density, double c) {
        int m = density.length;
        double h = 2 * Math.PI / m;
        double n = sorted.length;
        double total = 0;
        int next = 0;
        double g = 0;
        for (int cell = 0; cell < m; cell++) {
            double a = cell * h;
            double end = (cell + 1) * h;
            while (a < end) {
                double b = next < sorted.length && sorted[next] < end ? Math.max(sorted[next], a) : end;
                double f = next / n;
                double ga = f - (g + density[cell] * (a - cell * h)) - c;
                double gb = f - (g + density[cell] * (b - cell * h)) - c;
                total += absLinear(ga, gb, b - a);
                a = b;
                if (next < sorted.length && sorted[next] <= a && a < end) {
                    next++;
                }
            }
            g += density[cell] * h;
        }
        return total;
    }

    private static double absLinear(double ga, double gb, double len) {
        if (len <= 0) {
            return 0;
        }
        if ((ga >= 0) == (gb >= 0)) {
            return 0.5 * (Math.abs(ga) + Math.abs(gb)) * len;
        }
        return 0.5 * (ga * ga + gb * gb) / Math.abs(ga - gb) * len;
    }
}
