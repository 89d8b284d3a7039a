package org.ensemble.reference;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The hard-margin SVM through the origin (no bias, as for logistic regression without an intercept):
 * min ½‖w‖² subject to y_i ⟨x_i, w⟩ ≥ 1. Its dual is the box-constrained QP
 * min ½ αᵀGα − Σα over α ≥ 0 with G_ij = y_i y_j ⟨x_i, x_j⟩, and w = Σ α_i y_i x_i.
 *
 * <p>Solved in two stages: exact coordinate descent (each coordinate minimised in closed form and
 * clipped at 0) identifies the support vectors, then the equations G_SS α_S = 1 on the support are
 * solved directly (SVD pseudo-inverse, since support vectors may be linearly dependent); the result
 * is accepted only if it satisfies the KKT conditions to {@value #KKT_TOL} (α ≥ 0, every margin
 * ≥ 1, margin = 1 on the support), otherwise descent continues. So the answer is the QP's solution
 * to about 1e-12, not a descent iterate.
 */
public final class HardMarginSvm {
    /** KKT tolerance of the accepted solution (margins are O(1) by construction). */
    static final double KKT_TOL = 1e-11;

    private HardMarginSvm() {
    }

    /** @param w the max-margin vector (margin 1 on the support vectors); {@code margin} = 1/‖w‖ */
    public record Solution(double[] w, double[] alpha, double margin) {
        /** w / ‖w‖. */
        public double[] direction() {
            double norm = 1 / margin;
            double[] u = w.clone();
            for (int i = 0; i < u.length; i++) {
                u[i] /= norm;
            }
            return u;
        }
    }

    /** {@code x} n × d, labels ±1; the data must be linearly separable through the origin. */
    public static Solution solve(double[][] x, double[] labels) {
        int n = x.length;
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (labels[i] != 1 && labels[i] != -1) {
                throw new IllegalArgumentException("labels must be ±1, label " + i + " is " + labels[i]);
            }
            for (int j = 0; j < n; j++) {
                g[i][j] = labels[i] * labels[j] * dot(x[i], x[j]);
            }
            if (g[i][i] <= 0) {
                throw new IllegalArgumentException("point " + i + " is the origin: no margin is possible");
            }
        }
        double[] alpha = new double[n];
        double[] ga = new double[n]; // G α, kept up to date
        for (int round = 0; round < 2000; round++) {
            for (int sweep = 0; sweep < 200; sweep++) {
                for (int i = 0; i < n; i++) {
                    double a = Math.max(0, alpha[i] - (ga[i] - 1) / g[i][i]);
                    double delta = a - alpha[i];
                    if (delta != 0) {
                        alpha[i] = a;
                        for (int j = 0; j < n; j++) {
                            ga[j] += delta * g[j][i];
                        }
                    }
                }
            }
            if (alpha.length > 0 && sum(alpha) > 1e300) {
                break;
            }
            double[] polished = polish(g, alpha);
            if (polished != null) {
                return solution(x, labels, polished);
            }
        }
        throw new IllegalArgumentException("the points are not linearly separable through the origin"
                + " (the SVM dual did not converge)");
    }

    private static double[] polish(double[][] g, double[] alpha) {
        int n = g.length;
        double max = 0;
        for (double a : alpha) {
            max = Math.max(max, a);
        }
        List<Integer> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (alpha[i] > 1e-9 * max) {
                s.add(i);
            }
        }
        if (s.isEmpty()) {
            return null;
        }
        RealMatrix gss = MatrixUtils.createRealMatrix(s.size(), s.size());
        for (int a = 0; a < s.size(); a++) {
            for (int b = 0; b < s.size(); b++) {
                gss.setEntry(a, b, g[s.get(a)][s.get(b)]);
            }
        }
        double[] ones = new double[s.size()];
        java.util.Arrays.fill(ones, 1);
        double[] as = new SingularValueDecomposition(gss).getSolver().solve(new ArrayRealVector(ones)).toArray();
        double[] out = new double[n];
        for (int a = 0; a < s.size(); a++) {
            if (as[a] < -KKT_TOL * max) {
                return null;
            }
            out[s.get(a)] = Math.max(0, as[a]);
        }
        for (int i = 0; i < n; i++) {
            double gi = 0;
            for (int j = 0; j < n; j++) {
                gi += g[i][j] * out[j];
            }
            // Primal feasibility: margin y_i⟨x_i, w⟩ = (Gα)_i ≥ 1; complementarity on the support.
            if (gi < 1 - KKT_TOL || (out[i] > 0 && Math.abs(gi - 1) > KKT_TOL)) {
                return null;
            }
        }
        return out;
    }

    private static Solution solution(double[][] x, double[] labels, double[] alpha) {
        int d = x[0].length;
        double[] w = new double[d];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < d; k++) {
                w[k] += alpha[i] * labels[i] * x[i][k];
            }
        }
        return new Solution(w, alpha, 1 / Math.sqrt(dot(w, w)));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
