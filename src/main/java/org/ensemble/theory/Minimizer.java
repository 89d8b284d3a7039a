package org.ensemble.theory;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.ensemble.potential.Potential;

/** Local minima by gradient descent with backtracking, polished by Newton steps. */
public final class Minimizer {
    private Minimizer() {
    }

    public static StationaryPoint minimumFrom(Potential v, double[] start) {
        int d = v.dimension();
        double[] x = start.clone();
        double[] g = new double[d];
        double step = 1e-3;
        for (int it = 0; it < 200_000; it++) {
            v.gradient(x, g);
            double gn = norm(g);
            if (gn < 1e-9) {
                break;
            }
            double e0 = v.energy(x);
            double[] y = new double[d];
            boolean accepted = false;
            while (!accepted && step > 1e-16) {
                for (int c = 0; c < d; c++) {
                    y[c] = x[c] - step * g[c];
                }
                if (v.energy(y) < e0 - 0.5 * step * gn * gn) {
                    accepted = true;
                } else {
                    step *= 0.5;
                }
            }
            if (!accepted) {
                break;
            }
            x = y;
            step *= 1.5;
        }
        x = newton(v, x);
        RealMatrix h = Hessian.at(v, x);
        double[] ev = Hessian.eigenvalues(h);
        if (!(ev[0] > 0)) {
            throw new IllegalStateException("descent from " + java.util.Arrays.toString(start)
                    + " did not end at a minimum (Hessian eigenvalues " + java.util.Arrays.toString(ev) + ")");
        }
        return new StationaryPoint(x, v.energy(x), ev, 0);
    }

    /** Newton iteration on ∇V = 0 (converges to the nearby critical point of any index). */
    static double[] newton(Potential v, double[] start) {
        int d = v.dimension();
        double[] x = start.clone();
        double[] g = new double[d];
        for (int it = 0; it < 50; it++) {
            v.gradient(x, g);
            if (norm(g) < 1e-12 * Math.max(1, Math.abs(v.energy(x)))) {
                break;
            }
            RealVector dx = new LUDecomposition(Hessian.at(v, x)).getSolver().solve(new ArrayRealVector(g));
            for (int c = 0; c < d; c++) {
                x[c] -= dx.getEntry(c);
            }
        }
        return x;
    }

    static double norm(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
