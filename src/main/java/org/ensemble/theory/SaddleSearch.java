package org.ensemble.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ensemble.potential.Potential;

/**
 * Index-1 saddles on the minimum-energy path between two minima.
 *
 * <p>The path is found by the simplified string method (E, Ren, Vanden-Eijnden 2007): images
 * on a chord between the minima take gradient steps and are redistributed to equal arc length,
 * until the string stands still (it then lies on the minimum-energy path up to O(spacing²)). Local
 * maxima of the energy along the converged string are refined to saddles by eigenvector following
 * (Newton steps with the lowest Hessian mode turned uphill, inside a trust radius of one image
 * spacing), which converges quadratically and ends only where ∇V = 0 with exactly one negative
 * eigenvalue. Local minima along the string are descended to intermediate minima. In 1-D the path
 * is the segment itself.
 */
public final class SaddleSearch {
    private static final int IMAGES = 61;
    private static final int IMAGES_1D = 401;
    private static final int MAX_STRING_ITERATIONS = 100_000;
    /**
     * The string is converged when no image moves more than this fraction of the spacing in one
     * step; it only has to bracket the critical points, which are then refined to round-off.
     */
    private static final double STRING_TOLERANCE = 1e-7;

    private SaddleSearch() {
    }

    /** The saddles of {@link #path} in path order (the critical one is the highest). */
    public static List<StationaryPoint> saddlesBetween(Potential v, double[] a, double[] b) {
        return path(v, a, b).saddles();
    }

    /**
     * Minima and index-1 saddles in path order along the minimum-energy path between the minima
     * nearest {@code a} and {@code b} (both are polished by {@link Minimizer#minimumFrom} first).
     *
     * @throws IllegalStateException when a local maximum of the path does not refine to an index-1
     *     saddle near the path
     */
    public static MinimumEnergyPath path(Potential v, double[] a, double[] b) {
        StationaryPoint ma = Minimizer.minimumFrom(v, a);
        StationaryPoint mb = Minimizer.minimumFrom(v, b);
        if (Minimizer.same(ma.x(), mb.x())) {
            return new MinimumEnergyPath(List.of(ma));
        }
        int d = v.dimension();
        double[][] string = d == 1 ? chord(ma.x(), mb.x(), IMAGES_1D) : relaxString(v, ma.x(), mb.x());
        double spacing = Vectors.dist(ma.x(), mb.x()) / (string.length - 1);
        if (d > 1) {
            spacing = Vectors.dist(string[0], string[1]);
        }
        double[] e = new double[string.length];
        for (int i = 0; i < string.length; i++) {
            e[i] = v.energy(string[i]);
        }
        // Walk along the string: each interior local maximum gives a saddle, each local minimum a minimum.
        List<StationaryPoint> points = new ArrayList<>();
        List<Integer> at = new ArrayList<>(); // image index each point came from
        points.add(ma);
        at.add(0);
        for (int i = 1; i < string.length - 1; i++) {
            if (e[i] > e[i - 1] && e[i] >= e[i + 1]) {
                addIfNew(points, at, refine(v, string[i], spacing), i);
            } else if (e[i] < e[i - 1] && e[i] <= e[i + 1]) {
                addIfNew(points, at, Minimizer.minimumFrom(v, string[i]), i);
            }
        }
        addIfNew(points, at, mb, string.length - 1);
        return new MinimumEnergyPath(alternate(v, points, at, string, e, spacing));
    }

    /**
     * The index-1 saddle near {@code guess}: Newton steps in the Hessian's eigenbasis, descending
     * along all modes but the lowest, ascending along the lowest, each step at most {@code trustRadius}.
     *
     * @throws IllegalStateException when it does not converge to ∇V = 0 with exactly one negative eigenvalue
     */
    public static StationaryPoint refine(Potential v, double[] guess, double trustRadius) {
        int d = v.dimension();
        double[] x = guess.clone();
        double[] g = new double[d];
        v.gradient(x, g);
        double gStart = Vectors.norm(g);
        double gPrev = Double.POSITIVE_INFINITY;
        double[] xPrev = null;
        for (int it = 0; it < 500; it++) {
            v.gradient(x, g);
            double gn = Vectors.norm(g);
            double tol = Minimizer.GRADIENT_TOLERANCE * Math.max(1, Math.max(Math.abs(v.energy(x)), gStart));
            if (xPrev != null && gn >= gPrev && gPrev <= tol) {
                x = xPrev; // round-off floor: the previous point was as good as it gets
                break;
            }
            if (gn == 0) {
                break;
            }
            RealMatrix h = Hessian.at(v, x);
            EigenDecomposition eig = new EigenDecomposition(h);
            double[] lambda = eig.getRealEigenvalues();
            int lowest = 0;
            double largest = 0;
            for (int k = 0; k < d; k++) {
                if (lambda[k] < lambda[lowest]) {
                    lowest = k;
                }
                largest = Math.max(largest, Math.abs(lambda[k]));
            }
            double[] step = new double[d];
            for (int k = 0; k < d; k++) {
                double[] mode = eig.getEigenvector(k).toArray();
                double gk = Vectors.dot(mode, g);
                // |λ| floored so a nearly flat mode cannot send the step to infinity (the trust radius caps it anyway).
                double curvature = Math.max(Math.abs(lambda[k]), 1e-10 * largest);
                double c = (k == lowest ? 1 : -1) * gk / curvature;
                for (int j = 0; j < d; j++) {
                    step[j] += c * mode[j];
                }
            }
            double len = Vectors.norm(step);
            if (len > trustRadius) {
                for (int j = 0; j < d; j++) {
                    step[j] *= trustRadius / len;
                }
            }
            if (len <= 1e-16 * Vectors.scale(x)) {
                break;
            }
            xPrev = x.clone();
            gPrev = gn;
            for (int j = 0; j < d; j++) {
                x[j] += step[j];
            }
        }
        v.gradient(x, g);
        StationaryPoint p = StationaryPoint.at(v, x);
        double tol = Minimizer.GRADIENT_TOLERANCE * Math.max(1, Math.max(Math.abs(p.energy()), gStart));
        if (Vectors.norm(g) > tol || p.index() != 1) {
            throw new IllegalStateException("saddle search from " + Arrays.toString(guess) + " on " + v.name()
                    + " did not converge to an index-1 saddle: |∇V| = " + Vectors.norm(g) + " at " + Arrays.toString(x)
                    + ", Hessian eigenvalues " + Arrays.toString(p.eigenvalues()));
        }
        return p;
    }

    private static void addIfNew(List<StationaryPoint> points, List<Integer> at, StationaryPoint p, int image) {
        for (StationaryPoint q : points) {
            if (Minimizer.same(q.x(), p.x())) {
                return; // two local extrema of the string refined to one point
            }
        }
        points.add(p);
        at.add(image);
    }

    /**
     * Makes the sequence alternate: between two saddles with no minimum between them there is one
     * (found by descent from the lowest image between), between two minima a saddle (refined from
     * the highest image between).
     */
    private static List<StationaryPoint> alternate(Potential v, List<StationaryPoint> points, List<Integer> at,
                                                   double[][] string, double[] e, double spacing) {
        List<StationaryPoint> out = new ArrayList<>();
        out.add(points.get(0));
        for (int k = 1; k < points.size(); k++) {
            StationaryPoint prev = out.get(out.size() - 1);
            StationaryPoint next = points.get(k);
            if (prev.isMinimum() == next.isMinimum()) {
                int lo = at.get(k - 1);
                int hi = at.get(k);
                int pick = lo + 1;
                for (int i = lo + 1; i < hi; i++) {
                    boolean better = prev.isMinimum() ? e[i] > e[pick] : e[i] < e[pick];
                    pick = better ? i : pick;
                }
                StationaryPoint between = prev.isMinimum() ? refine(v, string[pick], spacing)
                        : Minimizer.minimumFrom(v, string[pick]);
                if (!Minimizer.same(between.x(), prev.x()) && !Minimizer.same(between.x(), next.x())) {
                    out.add(between);
                } else if (!prev.isMinimum()) {
                    continue; // two saddles collapsing onto one: keep the first
                } else {
                    throw new IllegalStateException("no saddle found between minima " + prev + " and " + next);
                }
            }
            out.add(next);
        }
        return out;
    }

    private static double[][] chord(double[] a, double[] b, int n) {
        double[][] x = new double[n][a.length];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < a.length; c++) {
                x[i][c] = a[c] + (b[c] - a[c]) * i / (n - 1.0);
            }
        }
        return x;
    }

    /** The simplified string method from the chord; end points stay at the minima. */
    private static double[][] relaxString(Potential v, double[] a, double[] b) {
        int d = a.length;
        double[][] x = chord(a, b, IMAGES);
        double[][] g = new double[IMAGES][d];
        double dt = 0;
        for (int it = 0; it < MAX_STRING_ITERATIONS; it++) {
            if (it % 500 == 0) {
                // Explicit steps are stable for dt < 2/λ_max; the stiffest direction changes as the string moves.
                double lambdaMax = 0;
                for (double[] xi : x) {
                    double[] ev = Hessian.eigenvalues(Hessian.at(v, xi));
                    lambdaMax = Math.max(lambdaMax, Math.abs(ev[d - 1]));
                    lambdaMax = Math.max(lambdaMax, Math.abs(ev[0]));
                }
                dt = 0.5 / lambdaMax;
            }
            double spacing = Vectors.dist(x[0], x[IMAGES - 1]) / (IMAGES - 1);
            double[][] before = new double[IMAGES][];
            for (int i = 1; i < IMAGES - 1; i++) {
                before[i] = x[i].clone();
                v.gradient(x[i], g[i]);
                double gn = Vectors.norm(g[i]);
                // Early on the chord may cross steep walls: no image moves more than half a spacing per step.
                double h = Math.min(dt, 0.5 * spacing / Math.max(gn, 1e-300));
                for (int c = 0; c < d; c++) {
                    x[i][c] -= h * g[i][c];
                }
            }
            reparametrize(x);
            // Converged when the string stands still. (The force across it does not vanish exactly:
            // the redistribution along chords leaves an O(spacing²) residue, a few % of the force along it.)
            double moved = 0;
            for (int i = 1; i < IMAGES - 1; i++) {
                moved = Math.max(moved, Vectors.dist(x[i], before[i]));
            }
            if (moved <= STRING_TOLERANCE * spacing) {
                break;
            }
        }
        return x;
    }

    /** Moves the images to equal arc length along the piecewise-linear string through them. */
    private static void reparametrize(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[] s = new double[n];
        for (int i = 1; i < n; i++) {
            s[i] = s[i - 1] + Vectors.dist(x[i], x[i - 1]);
        }
        double[][] old = new double[n][];
        for (int i = 0; i < n; i++) {
            old[i] = x[i].clone();
        }
        int seg = 0;
        for (int i = 1; i < n - 1; i++) {
            double target = s[n - 1] * i / (n - 1.0);
            while (seg < n - 2 && s[seg + 1] < target) {
                seg++;
            }
            double len = s[seg + 1] - s[seg];
            double w = len > 0 ? (target - s[seg]) / len : 0;
            for (int c = 0; c < d; c++) {
                x[i][c] = old[seg][c] + w * (old[seg + 1][c] - old[seg][c]);
            }
        }
    }
}
