package org.ensemble.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.ensemble.potential.Potential;

/**
 * Local minima of V. Away from a minimum it follows the gradient flow (steepest descent with
 * backtracking, each move at most 5% of the length scale) so that it ends in the basin of the
 * start point as the Langevin particles see it, not in whatever basin a long quasi-Newton jump
 * lands in. Where the Hessian is positive definite and the Newton step is that short, it takes
 * Newton steps, which converge quadratically to |∇V| at round-off.
 */
public final class Minimizer {
    /** Converged when |∇V| ≤ 1e-10 · max(1, |V(x)|, |∇V(start)|): ten digits of the gradient's own size. */
    static final double GRADIENT_TOLERANCE = 1e-10;
    /** Largest move per step, relative to max(1, |x|). */
    private static final double MAX_MOVE = 0.05;
    private static final int MAX_ITERATIONS = 200_000;

    private Minimizer() {
    }

    /**
     * The minimum whose basin holds {@code start}.
     *
     * @throws IllegalStateException when the descent does not reach a point with |∇V| below the
     *     tolerance and a positive definite Hessian (V unbounded below, or a degenerate minimum)
     */
    public static StationaryPoint minimumFrom(Potential v, double[] start) {
        int d = v.dimension();
        if (start.length != d) {
            throw new IllegalArgumentException("start of dimension " + start.length + " for a potential of dimension " + d);
        }
        double[] x = start.clone();
        double[] g = new double[d];
        v.gradient(x, g);
        double gStart = Vectors.norm(g);
        double alpha = MAX_MOVE / Math.max(gStart, 1e-300);
        double[] beforeNewton = null;
        double gBeforeNewton = Double.POSITIVE_INFINITY;
        double gn = gStart;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            v.gradient(x, g);
            gn = Vectors.norm(g);
            if (!Double.isFinite(gn) || !Double.isFinite(v.energy(x))) {
                throw new IllegalStateException("descent from " + Arrays.toString(start) + " left the region where "
                        + v.name() + " is finite (at " + Arrays.toString(x) + ")");
            }
            boolean newtonAllowed = true;
            if (beforeNewton != null && gn >= gBeforeNewton) {
                // The Newton step did not reduce |∇V|: round-off floor if we were already converged, else
                // the quadratic model was poor here; either way go back.
                x = beforeNewton;
                gn = gBeforeNewton;
                v.gradient(x, g);
                if (gn <= GRADIENT_TOLERANCE * tolScale(v, x, gStart)) {
                    break;
                }
                newtonAllowed = false;
            }
            beforeNewton = null;
            if (gn == 0) {
                break;
            }
            double cap = MAX_MOVE * Vectors.scale(x);
            double[] newton = newtonAllowed ? newtonStepIfConvex(v, x, g) : null;
            if (newton != null && Vectors.norm(newton) <= cap) {
                if (Vectors.norm(newton) <= 1e-16 * Vectors.scale(x)) {
                    break; // nothing left to move
                }
                beforeNewton = x.clone();
                gBeforeNewton = gn;
                for (int c = 0; c < d; c++) {
                    x[c] += newton[c];
                }
                continue;
            }
            // Backtracking steepest descent (Armijo), trying a longer step each time one succeeds.
            double e0 = v.energy(x);
            alpha = Math.min(2 * alpha, cap / gn);
            double[] y = new double[d];
            boolean accepted = false;
            while (!accepted && alpha * gn > 1e-17 * Vectors.scale(x)) {
                for (int c = 0; c < d; c++) {
                    y[c] = x[c] - alpha * g[c];
                }
                if (v.energy(y) <= e0 - 1e-4 * alpha * gn * gn) {
                    accepted = true;
                } else {
                    alpha *= 0.5;
                }
            }
            if (!accepted) {
                break;
            }
            x = y;
        }
        v.gradient(x, g);
        double best = Vectors.norm(g);
        StationaryPoint p = StationaryPoint.at(v, x);
        if (best > GRADIENT_TOLERANCE * tolScale(v, x, gStart) || !(p.eigenvalues()[0] > 0)) {
            throw new IllegalStateException("descent from " + Arrays.toString(start) + " did not end at a minimum of "
                    + v.name() + ": |∇V| = " + best + " at " + Arrays.toString(x) + ", Hessian eigenvalues "
                    + Arrays.toString(p.eigenvalues()));
        }
        return p;
    }

    /**
     * The distinct minima reached from {@code starts}, in the order first reached. Two results are
     * the same minimum when they lie within 1e-6 · max(1, |x|) of each other (converged minima agree
     * to about 1e-10).
     */
    public static List<StationaryPoint> findMinima(Potential v, List<double[]> starts) {
        List<StationaryPoint> found = new ArrayList<>();
        for (double[] s : starts) {
            StationaryPoint m = minimumFrom(v, s);
            if (found.stream().noneMatch(p -> same(p.x(), m.x()))) {
                found.add(m);
            }
        }
        return List.copyOf(found);
    }

    static boolean same(double[] p, double[] q) {
        return Vectors.dist(p, q) <= 1e-6 * Math.max(Vectors.scale(p), Vectors.scale(q));
    }

    private static double tolScale(Potential v, double[] x, double gStart) {
        return Math.max(1, Math.max(Math.abs(v.energy(x)), gStart));
    }

    /** −H⁻¹∇V where H is positive definite, else null. */
    private static double[] newtonStepIfConvex(Potential v, double[] x, double[] g) {
        RealMatrix h = Hessian.at(v, x);
        try {
            CholeskyDecomposition ch = new CholeskyDecomposition(h, 1e-14, 1e-14);
            double[] dx = ch.getSolver().solve(new ArrayRealVector(g)).toArray();
            for (int c = 0; c < dx.length; c++) {
                dx[c] = -dx[c];
            }
            return dx;
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            return null;
        }
    }
}
