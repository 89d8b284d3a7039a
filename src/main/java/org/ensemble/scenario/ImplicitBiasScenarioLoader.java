package org.ensemble.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.implicitbias.BiasProblem;
import org.ensemble.implicitbias.DiagonalNetworkStudy;
import org.ensemble.implicitbias.LeastSquaresStudy;
import org.ensemble.implicitbias.LqrPolicyGradientStudy;
import org.ensemble.implicitbias.MatrixSensingStudy;
import org.ensemble.implicitbias.MaxMarginStudy;

/**
 * Reads an implicit-bias scenario (a file with an {@code implicit-bias} section) with the same
 * one-line errors as the other loaders: file, line, key path, what was expected. The keys of the
 * section depend on its {@code problem}; any other key is refused.
 */
public final class ImplicitBiasScenarioLoader {
    static final List<String> PROBLEMS = List.of("least-squares", "max-margin", "diagonal", "matrix-sensing", "lqr");

    private ImplicitBiasScenarioLoader() {
    }

    /** Whether the file is an implicit-bias scenario (it has an {@code implicit-bias} section). */
    public static boolean isImplicitBias(Path file) {
        return ScenarioLoader.hasSection(file, "implicit-bias");
    }

    public static ImplicitBiasScenario load(Path file, List<String> overrides) {
        return StudyEntry.file(file, overrides, ImplicitBiasScenarioLoader::build);
    }

    public static ImplicitBiasScenario loadString(String hocon, String originName, List<String> overrides) {
        return StudyEntry.string(hocon, originName, overrides, ImplicitBiasScenarioLoader::build);
    }

    static ImplicitBiasScenario reload(ImplicitBiasScenario s, List<String> overrides) {
        return StudyEntry.reload(s.resolved(), s.name(), s.source(), overrides, ImplicitBiasScenarioLoader::build);
    }

    private static ImplicitBiasScenario build(String label, String defaultName, Path source, Config config) {
        Section root = new Section(label, "", config.root());
        Map<String, Object> r = new LinkedHashMap<>();
        StudyEntry.Header header = StudyEntry.header(root, defaultName, r, Long.MAX_VALUE);
        String name = header.name();
        long seed = header.seed();
        int shards = header.shards();
        Section s = root.section("implicit-bias");
        String problem = s.choice("problem", null, PROBLEMS);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("problem", problem);
        boolean population = List.of("least-squares", "max-margin", "diagonal").contains(problem);
        String execution = "plain";
        int block = 16;
        if (population) {
            execution = s.choice("execution", problem.equals("diagonal") ? "in-process" : "engine",
                    List.of("engine", "in-process"));
            block = (int) s.integer("block-size", 16, false, 1, 1 << 20);
            m.put("execution", execution);
            m.put("block-size", block);
        }
        BiasProblem p = switch (problem) {
            case "least-squares" -> new LeastSquaresStudy.Params(count(s, "n", 20, m), count(s, "d", 50, m),
                    steps(s, "steps", 2000, m), positive(s, "lr-scale", 1.0, m), block);
            case "diagonal" -> diagonal(s, m, block);
            case "max-margin" -> new MaxMarginStudy.Params(count(s, "n", 30, m), count(s, "d", 5, m),
                    positive(s, "gap", 0.3, m), steps(s, "steps", 100_000, m), positive(s, "lr-scale", 1.0, m), block);
            case "matrix-sensing" -> matrix(s, m);
            default -> lqr(s, m);
        };
        s.rejectUnknown();
        root.rejectUnknown();
        r.put("implicit-bias", m);
        String resolved = ConfigValueFactory.fromMap(r).render(ConfigRenderOptions.defaults()
                .setOriginComments(false).setJson(false).setFormatted(true));
        return new ImplicitBiasScenario(name, source, seed, shards, execution, p,
                "# Resolved implicit-bias scenario: every default filled in. Run it again with: ensemble run THIS_FILE\n"
                        + resolved);
    }

    private static DiagonalNetworkStudy.Params diagonal(Section s, Map<String, Object> m, int block) {
        int n = count(s, "n", 30, m);
        int d = count(s, "d", 40, m);
        if (n >= d) {
            throw s.error("d", "expected more coordinates than examples (d > n = " + n + "), got " + d);
        }
        int k = count(s, "sparsity", 3, m);
        if (k > n) {
            throw s.error("sparsity", "expected at most n = " + n + " planted nonzeros, got " + k);
        }
        double[] alphas = positives(s, "alphas", new double[] {1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10}, m);
        long steps = steps(s, "steps", 400_000, m);
        double lr = positive(s, "lr-scale", 0.15, m);
        double target = positive(s, "loss-target", 1e-24, m);
        double below = positive(s, "boost-below", 1e-6, m);
        double boost = s.number("boost", 10, false);
        if (!(boost >= 1) || !(lr * boost < 2)) {
            throw s.error("boost", "expected 1 ≤ boost < 2/lr-scale = " + 2 / lr + " (larger steps are unstable), got "
                    + boost);
        }
        m.put("boost", boost);
        return new DiagonalNetworkStudy.Params(n, d, k, alphas, steps, lr, target, below, boost, block);
    }

    private static MatrixSensingStudy.Params matrix(Section s, Map<String, Object> m) {
        int n = count(s, "n", 10, m);
        int rank = count(s, "rank", 1, m);
        if (rank > n) {
            throw s.error("rank", "expected a rank ≤ n = " + n + ", got " + rank);
        }
        int meas = count(s, "measurements", 40, m);
        return new MatrixSensingStudy.Params(n, rank, meas, positives(s, "scales",
                new double[] {1, 0.3, 0.1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6}, m), steps(s, "steps", 20_000, m),
                positive(s, "lr", 0.1, m), positive(s, "loss-target", 1e-28, m));
    }

    private static LqrPolicyGradientStudy.Params lqr(Section s, Map<String, Object> m) {
        int n = count(s, "state-dim", 3, m);
        int k = count(s, "input-dim", 1, m);
        double[] a = s.vector("a", new double[] {0.9, 0.2, 0, 0, 0.9, 0.2, 0, 0, 0.9}, false);
        if (a.length != n * n) {
            throw s.error("a", "expected state-dim² = " + n * n + " numbers (A row by row), got " + a.length);
        }
        double[] b = s.vector("b", new double[] {0, 0, 1}, false);
        if (b.length != n * k) {
            throw s.error("b", "expected state-dim·input-dim = " + n * k + " numbers (B row by row), got " + b.length);
        }
        m.put("a", toList(a));
        m.put("b", toList(b));
        return new LqrPolicyGradientStudy.Params(n, k, a, b, positive(s, "q", 1, m), positive(s, "r", 1, m),
                steps(s, "iterations", 3000, m), positive(s, "lr", 1e-3, m),
                s.integer("sampled-iterations", 300, false, 0, 1_000_000), count(s, "samples", 20, m),
                positive(s, "radius", 1e-3, m));
    }

    private static int count(Section s, String k, int fallback, Map<String, Object> m) {
        int v = (int) s.integer(k, fallback, false, 1, 100_000);
        m.put(k, v);
        return v;
    }

    private static long steps(Section s, String k, long fallback, Map<String, Object> m) {
        long v = s.integer(k, fallback, false, 1, 1_000_000_000L);
        m.put(k, v);
        return v;
    }

    private static double positive(Section s, String k, double fallback, Map<String, Object> m) {
        double v = s.positive(k, fallback, false);
        m.put(k, v);
        return v;
    }

    private static double[] positives(Section s, String k, double[] fallback, Map<String, Object> m) {
        double[] v = s.vector(k, fallback, false);
        if (v.length == 0) {
            throw s.error(k, "expected a non-empty list of positive numbers");
        }
        for (double x : v) {
            if (!(x > 0)) {
                throw s.error(k, "expected positive numbers, got " + x);
            }
        }
        m.put(k, toList(v));
        return v;
    }

    private static List<Double> toList(double[] a) {
        List<Double> l = new ArrayList<>();
        for (double x : a) {
            l.add(x);
        }
        return l;
    }
}
