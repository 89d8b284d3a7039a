package org.ensemble.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.failures.linear.FlatActivationStudy;
import org.ensemble.failures.linear.HadamardStudy;
import org.ensemble.failures.linear.LinearFailureProblem;
import org.ensemble.failures.linear.PiecewiseLinearStudy;

/**
 * Reads a {@code linear-failures} scenario with the same one-line errors as the other loaders:
 * file, line, key path, what was expected. The keys of the section depend on its {@code study};
 * any other key is refused.
 */
public final class LinearFailuresScenarioLoader {
    static final List<String> STUDIES = List.of("hadamard", "flat-activation", "piecewise-linear");

    private LinearFailuresScenarioLoader() {
    }

    public static boolean isLinearFailures(Path file) {
        return ScenarioLoader.hasSection(file, "linear-failures");
    }

    public static LinearFailuresScenario load(Path file, List<String> overrides) {
        return StudyEntry.file(file, overrides, LinearFailuresScenarioLoader::build);
    }

    static LinearFailuresScenario reload(LinearFailuresScenario s, List<String> overrides) {
        return StudyEntry.reload(s.resolved(), s.name(), s.source(), overrides, LinearFailuresScenarioLoader::build);
    }

    private static LinearFailuresScenario build(String label, String defaultName, Path source, Config config) {
        Section root = new Section(label, "", config.root());
        Map<String, Object> r = new LinkedHashMap<>();
        StudyEntry.Header header = StudyEntry.header(root, defaultName, r, Long.MAX_VALUE);
        String name = header.name();
        long seed = header.seed();
        int shards = header.shards();
        Section s = root.section("linear-failures");
        String study = s.choice("study", null, STUDIES);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("study", study);
        String execution = s.choice("execution", "in-process", List.of("engine", "in-process"));
        m.put("execution", execution);
        int block = count(s, "block-size", 16, m);
        LinearFailureProblem p = switch (study) {
            case "hadamard" -> hadamard(s, m, block);
            case "flat-activation" -> new FlatActivationStudy.Params(count(s, "d", 20, m), count(s, "n", 1000, m),
                    count(s, "passes", 4, m), positive(s, "delta", 1.0, m), count(s, "levels", 3, m),
                    positive(s, "smoothing", 0.1, m), positive(s, "eta", 0.003, m), count(s, "samples", 8, m),
                    count(s, "reports-per-pass", 4, m), block);
            default -> piecewise(s, m, block);
        };
        s.rejectUnknown();
        root.rejectUnknown();
        r.put("linear-failures", m);
        String resolved = ConfigValueFactory.fromMap(r).render(ConfigRenderOptions.defaults()
                .setOriginComments(false).setJson(false).setFormatted(true));
        return new LinearFailuresScenario(name, source, seed, shards, execution, p,
                "# Resolved linear-failures scenario: every default filled in. Run it again with: ensemble run THIS_FILE\n"
                        + resolved);
    }

    private static HadamardStudy.Params hadamard(Section s, Map<String, Object> m, int block) {
        double[] dims = s.vector("dims", new double[] {128, 256, 512}, false);
        if (dims.length == 0) {
            throw s.error("dims", "expected a non-empty list of powers of two");
        }
        int[] d = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] != Math.rint(dims[i]) || dims[i] < 4 || dims[i] > 4096 || Integer.bitCount((int) dims[i]) != 1) {
                throw s.error("dims", "expected powers of two in [4, 4096] (Sylvester's construction), got " + dims[i]);
            }
            d[i] = (int) dims[i];
        }
        m.put("dims", toList(dims));
        return new HadamardStudy.Params(d, count(s, "samples", 16, m),
                positives(s, "egu-etas", new double[] {0.1, 0.2, 0.5}, m),
                positives(s, "eg-etas", new double[] {0.2, 0.5, 1.0}, m),
                positives(s, "spindly-etas", new double[] {0.05, 0.1, 0.2}, m),
                positives(s, "signed-squares-etas", new double[] {0.025, 0.05, 0.1}, m),
                (int) integer(s, "hidden", 16, 0, m), positive(s, "two-layer-init", 0.3, m),
                positive(s, "two-layer-lr-scale", 4, m), block);
    }

    private static PiecewiseLinearStudy.Params piecewise(Section s, Map<String, Object> m, int block) {
        double[] sizes = s.vector("sizes", new double[] {4, 6, 8, 10, 12}, false);
        if (sizes.length == 0) {
            throw s.error("sizes", "expected a non-empty list of sample counts");
        }
        int[] n = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] != Math.rint(sizes[i]) || sizes[i] < 3 || sizes[i] > 16) {
                // κ ∝ n⁴: at n = 16 GD already needs ~10⁶ steps to ε = 1e-4.
                throw s.error("sizes", "expected integers in [3, 16] (GD's iterations grow like n⁴), got " + sizes[i]);
            }
            n[i] = (int) sizes[i];
        }
        m.put("sizes", toList(sizes));
        double eps = positive(s, "epsilon", 1e-4, m);
        if (eps >= 1) {
            throw s.error("epsilon", "expected a relative error below 1, got " + eps);
        }
        double lr = positive(s, "lr-scale", 0.5, m);
        if (lr > 1) {
            throw s.error("lr-scale", "expected a step of at most 1/λ_max (lr-scale ≤ 1), got " + lr);
        }
        return new PiecewiseLinearStudy.Params(n, count(s, "knots", 3, m), eps, lr, block);
    }

    private static int count(Section s, String k, int fallback, Map<String, Object> m) {
        return (int) integer(s, k, fallback, 1, m);
    }

    private static long integer(Section s, String k, int fallback, long min, Map<String, Object> m) {
        long v = s.integer(k, fallback, false, min, 100_000);
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
        for (double x : v) {
            if (!(x > 0)) {
                throw s.error(k, "expected positive step sizes, got " + x);
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
