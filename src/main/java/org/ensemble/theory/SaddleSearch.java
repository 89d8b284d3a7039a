package org.ensemble.theory;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.potential.Potential;

/**
 * The minimum-energy path between two minima by the climbing-image nudged elastic band
 * (Henkelman, Uberuaga, Jónsson 2000), then the highest image refined to an index-1 saddle by
 * Newton's method. Local maxima of the converged band are returned too (in path order), so paths
 * through intermediate minima show all their saddles.
 */
public final class SaddleSearch {
    private static final int IMAGES = 41;

    private SaddleSearch() {
    }

    /** Index-1 saddles along the path from {@code a} to {@code b}, in path order; the highest is the critical one. */
    public static List<StationaryPoint> saddlesBetween(Potential v, double[] a, double[] b) {
        int d = v.dimension();
        double[][] x = new double[IMAGES][d];
        for (int i = 0; i < IMAGES; i++) {
            for (int c = 0; c < d; c++) {
                x[i][c] = a[c] + (b[c] - a[c]) * i / (IMAGES - 1.0);
            }
        }
        double stiff = Math.max(Hessian.eigenvalues(Hessian.at(v, a))[d - 1],
                Hessian.eigenvalues(Hessian.at(v, b))[d - 1]);
        double alpha = 0.1 / stiff;
        double spring = stiff;
        double[] g = new double[d];
        double[][] force = new double[IMAGES][d];
        for (int it = 0; it < 40_000; it++) {
            double[] energy = new double[IMAGES];
            int top = 1;
            for (int i = 0; i < IMAGES; i++) {
                energy[i] = v.energy(x[i]);
                if (i > 0 && i < IMAGES - 1 && energy[i] > energy[top]) {
                    top = i;
                }
            }
            double maxForce = 0;
            for (int i = 1; i < IMAGES - 1; i++) {
                double[] tau = new double[d];
                for (int c = 0; c < d; c++) {
                    tau[c] = x[i + 1][c] - x[i - 1][c];
                }
                double tn = Minimizer.norm(tau);
                for (int c = 0; c < d; c++) {
                    tau[c] /= tn;
                }
                v.gradient(x[i], g);
                double gt = 0;
                for (int c = 0; c < d; c++) {
                    gt += g[c] * tau[c];
                }
                double lp = dist(x[i + 1], x[i]);
                double lm = dist(x[i], x[i - 1]);
                for (int c = 0; c < d; c++) {
                    double perp = -(g[c] - gt * tau[c]);
                    force[i][c] = i == top && it > 2000
                            ? -g[c] + 2 * gt * tau[c]
                            : perp + spring * (lp - lm) * tau[c];
                }
                maxForce = Math.max(maxForce, Minimizer.norm(force[i]));
            }
            for (int i = 1; i < IMAGES - 1; i++) {
                for (int c = 0; c < d; c++) {
                    x[i][c] += alpha * force[i][c];
                }
            }
            if (it > 3000 && maxForce < 1e-6 * stiff) {
                break;
            }
        }
        List<StationaryPoint> saddles = new ArrayList<>();
        for (int i = 1; i < IMAGES - 1; i++) {
            double e = v.energy(x[i]);
            if (e > v.energy(x[i - 1]) && e >= v.energy(x[i + 1])) {
                double[] s = Minimizer.newton(v, x[i]);
                double[] ev = Hessian.eigenvalues(Hessian.at(v, s));
                if (ev[0] < 0 && (d == 1 || ev[1] > 0)) {
                    boolean dup = saddles.stream().anyMatch(p -> dist(p.x(), s) < 1e-6);
                    if (!dup) {
                        saddles.add(new StationaryPoint(s, v.energy(s), ev, 1));
                    }
                }
            }
        }
        return saddles;
    }

    static double dist(double[] p, double[] q) {
        double s = 0;
        for (int c = 0; c < p.length; c++) {
            s += (p[c] - q[c]) * (p[c] - q[c]);
        }
        return Math.sqrt(s);
    }
}
