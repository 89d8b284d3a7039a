package org.ensemble.reference;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Basis pursuit: min ‖w‖₁ subject to X w = y, as the linear programme min Σ (p_i + q_i) over
 * p, q ≥ 0 with X (p − q) = y (commons-math3's simplex). The simplex answer is then polished: on
 * its support S (a vertex, so |S| ≤ n and X_S has full column rank) the equations X_S w_S = y are
 * solved by least squares (QR), which gives the vertex to machine precision instead of the
 * simplex's pivoting tolerance.
 */
public final class BasisPursuit {
    private BasisPursuit() {
    }

    public static double[] solve(double[][] x, double[] y) {
        int n = x.length;
        int d = x[0].length;
        double[] c = new double[2 * d];
        java.util.Arrays.fill(c, 1.0);
        List<LinearConstraint> cons = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[2 * d];
            for (int j = 0; j < d; j++) {
                row[j] = x[i][j];
                row[d + j] = -x[i][j];
            }
            cons.add(new LinearConstraint(row, Relationship.EQ, y[i]));
        }
        PointValuePair p = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000),
                new LinearObjectiveFunction(c, 0), new LinearConstraintSet(cons), GoalType.MINIMIZE,
                new NonNegativeConstraint(true));
        double[] pq = p.getPoint();
        double[] w = new double[d];
        double scale = 0;
        for (int j = 0; j < d; j++) {
            w[j] = pq[j] - pq[d + j];
            scale = Math.max(scale, Math.abs(w[j]));
        }
        return polish(x, y, w, 1e-7 * Math.max(scale, 1e-300));
    }

    private static double[] polish(double[][] x, double[] y, double[] w, double tol) {
        List<Integer> support = new ArrayList<>();
        for (int j = 0; j < w.length; j++) {
            if (Math.abs(w[j]) > tol) {
                support.add(j);
            }
        }
        if (support.isEmpty() || support.size() > x.length) {
            return w;
        }
        double[][] xs = new double[x.length][support.size()];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < support.size(); k++) {
                xs[i][k] = x[i][support.get(k)];
            }
        }
        RealMatrix a = MatrixUtils.createRealMatrix(xs);
        QRDecomposition qr = new QRDecomposition(a, 1e-13);
        if (!qr.getSolver().isNonSingular()) {
            return w;
        }
        double[] ws = qr.getSolver().solve(MatrixUtils.createRealVector(y)).toArray();
        double[] out = new double[w.length];
        for (int k = 0; k < support.size(); k++) {
            if (Math.signum(ws[k]) != Math.signum(w[support.get(k)])) {
                return w; // not the same vertex: keep the simplex answer
            }
            out[support.get(k)] = ws[k];
        }
        return out;
    }

    public static double l1(double[] w) {
        double s = 0;
        for (double v : w) {
            s += Math.abs(v);
        }
        return s;
    }
}
