package org.ensemble.implicitbias;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.reference.MinTraceCertificate;

/**
 * Matrix sensing with the factorisation X = UUᵀ (U square, n × n: no rank constraint) trained by GD
 * on (1/2m) Σ (⟨A_i, UUᵀ⟩ − b_i)² from U = α I. With m below n(n+1)/2 many PSD matrices fit; as α
 * → 0 GD's limit approaches the minimum nuclear norm one (Gunasekar et al. 2017), here the planted
 * rank-r matrix X* = U*U*ᵀ — certified exactly by a dual certificate
 * ({@link MinTraceCertificate}) before anything runs. Measurements A_i = (G + Gᵀ)/2 with G Gaussian,
 * so (1/m) Σ ⟨A_i, M⟩ A_i ≈ M.
 *
 * <p>Plain iterations, not a population: every entry of U couples to every other through UUᵀ, so
 * there are no members whose updates only need a broadcast field — the whole state is one small
 * matrix, and a step costs O(m n²).
 */
public final class MatrixSensingStudy {
    private MatrixSensingStudy() {
    }

    public record Params(int n, int rank, int measurements, double[] scales, long steps, double lr,
                         double lossTarget) implements BiasProblem {
        @Override
        public String key() {
            return "matrix-sensing";
        }
    }

    public static StudyResult run(Params p, long seed) {
        return run(p, seed, line -> { });
    }

    /** As above, telling {@code progress} one line per finished init scale. */
    public static StudyResult run(Params p, long seed, java.util.function.Consumer<String> progress) {
        int n = p.n();
        int m = p.measurements();
        Designs rng = new Designs(seed, 4);
        double[][] u = rng.matrix(n, p.rank(), 1 / Math.sqrt(n));
        double[][] xStar = gram(u);
        double[][][] a = new double[m][][];
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            double[][] g = rng.matrix(n, n, 1);
            a[i] = new double[n][n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    a[i][r][c] = (g[r][c] + g[c][r]) / 2;
                }
            }
            b[i] = inner(a[i], xStar);
        }
        MinTraceCertificate.Result cert = MinTraceCertificate.check(a, u);
        double xNorm = frobenius(xStar);
        double[] scales = p.scales().clone();
        java.util.Arrays.sort(scales);
        List<List<Object>> rows = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        List<Double> traceExcess = new ArrayList<>();
        for (int k = scales.length - 1; k >= 0; k--) {
            double alpha = scales[k];
            double[][] uu = new double[n][n];
            for (int r = 0; r < n; r++) {
                uu[r][r] = alpha;
            }
            long step = 0;
            double loss = loss(a, b, gram(uu));
            boolean diverged = false;
            while (step < p.steps() && loss > p.lossTarget()) {
                double[][] x = gram(uu);
                double[][] s = new double[n][n]; // Σ r_i A_i
                for (int i = 0; i < m; i++) {
                    double res = inner(a[i], x) - b[i];
                    for (int r = 0; r < n; r++) {
                        for (int c = 0; c < n; c++) {
                            s[r][c] += res * a[i][r][c];
                        }
                    }
                }
                double[][] grad = times(s, uu); // ∇ = (2/m) S U
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < n; c++) {
                        uu[r][c] -= p.lr() * 2.0 / m * grad[r][c];
                    }
                }
                step++;
                loss = loss(a, b, gram(uu));
                if (!Double.isFinite(loss)) {
                    diverged = true;
                    break;
                }
            }
            double[][] x = gram(uu);
            double err = diverged ? Double.NaN : frobenius(minus(x, xStar)) / xNorm;
            double tex = trace(x) - trace(xStar);
            rows.add(0, List.of(alpha, step, loss, err, tex));
            progress.accept(String.format("α = %-8.3g %6d steps  relative error %.2e", alpha, step, err));
            errors.add(0, err);
            traceExcess.add(0, Math.abs(tex));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("problem", p.key());
        summary.put("n", n);
        summary.put("rank", p.rank());
        summary.put("measurements", m);
        summary.put("lr", p.lr());
        summary.put("planted_certified_min_nuclear_norm", cert.certified());
        summary.put("certificate_residual", cert.residual());
        summary.put("certificate_complement_gap", cert.complementGap());
        summary.put("smallest_scale", scales[0]);
        summary.put("smallest_scale_relative_error", errors.get(0));
        summary.put("largest_scale_relative_error", errors.get(errors.size() - 1));
        summary.put("error_shrinks_with_scale", nonIncreasingTowardSmall(errors));
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("GD limit: ‖UUᵀ − X*‖_F / ‖X*‖_F", StudyCharts.column(errors));
        series.put("GD limit: |tr UUᵀ − tr X*| (nuclear-norm excess)", StudyCharts.column(traceExcess));
        return new StudyResult(summary, List.of(new StudyResult.Table("scale-sweep", List.of("init_scale", "steps",
                "final_loss", "relative_error_to_min_nuclear_norm", "trace_excess"), rows)),
                Map.of("recovery", StudyCharts.line("Matrix sensing with X = UUᵀ: distance to the min-nuclear-norm"
                        + " solution X* (n = " + n + ", rank " + p.rank() + ", m = " + m + ")",
                        "init scale α, U₀ = αI (log)", "distance (log; 0 = the exact X*)", scales, series,
                        true, true, true)));
    }

    /** Whether the error does not grow as the scale shrinks (list in increasing scale order), up to rounding. */
    static boolean nonIncreasingTowardSmall(List<Double> e) {
        for (int i = 1; i < e.size(); i++) {
            if (!(e.get(i - 1) <= e.get(i) * (1 + 1e-9) + 1e-12)) {
                return false;
            }
        }
        return true;
    }

    static double loss(double[][][] a, double[] b, double[][] x) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double r = inner(a[i], x) - b[i];
            s += r * r;
        }
        return s / (2 * a.length);
    }

    static double[][] gram(double[][] u) {
        int n = u.length;
        int r = u[0].length;
        double[][] x = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < r; k++) {
                    s += u[i][k] * u[j][k];
                }
                x[i][j] = s;
            }
        }
        return x;
    }

    static double[][] times(double[][] a, double[][] b) {
        int n = a.length;
        int q = b[0].length;
        double[][] out = new double[n][q];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < b.length; k++) {
                double v = a[i][k];
                for (int j = 0; j < q; j++) {
                    out[i][j] += v * b[k][j];
                }
            }
        }
        return out;
    }

    static double inner(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                s += a[i][j] * b[i][j];
            }
        }
        return s;
    }

    static double[][] minus(double[][] a, double[][] b) {
        double[][] out = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                out[i][j] = a[i][j] - b[i][j];
            }
        }
        return out;
    }

    static double frobenius(double[][] a) {
        return Math.sqrt(inner(a, a));
    }

    static double trace(double[][] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i][i];
        }
        return s;
    }
}
