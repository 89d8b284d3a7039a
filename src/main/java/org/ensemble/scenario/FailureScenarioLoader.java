package org.ensemble.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.failures.DecompositionSpec;
import org.ensemble.failures.FailureProblem;
import org.ensemble.failures.LinearPeriodicSpec;
import org.ensemble.failures.NetworkSettings;
import org.ensemble.failures.ParityScaleSpec;

/**
 * Reads a gradient-failure scenario (a file with a {@code failures} section) with the same one-line errors as
 * the other loaders: file, line, key path, what was expected. The keys of the section depend on its
 * {@code study}; any other key is refused.
 */
public final class FailureScenarioLoader {
    static final List<String> STUDIES = List.of("parity-at-scale", "linear-periodic", "end-to-end-vs-decomposition");

    private FailureScenarioLoader() {
    }

    /** Whether the file is a gradient-failure scenario (it has a {@code failures} section). */
    public static boolean isFailure(Path file) {
        return ScenarioLoader.hasSection(file, "failures");
    }

    public static FailureScenario load(Path file, List<String> overrides) {
        return StudyEntry.file(file, overrides, FailureScenarioLoader::build);
    }

    public static FailureScenario loadString(String hocon, String originName, List<String> overrides) {
        return StudyEntry.string(hocon, originName, overrides, FailureScenarioLoader::build);
    }

    static FailureScenario reload(FailureScenario s, List<String> overrides) {
        return StudyEntry.reload(s.resolved(), s.name(), s.source(), overrides, FailureScenarioLoader::build);
    }

    private static FailureScenario build(String label, String defaultName, Path source, Config config) {
        Section root = new Section(label, "", config.root());
        Map<String, Object> r = new LinkedHashMap<>();
        StudyEntry.Header header = StudyEntry.header(root, defaultName, r, Long.MAX_VALUE);
        String name = header.name();
        long seed = header.seed();
        int shards = header.shards();
        Section s = root.section("failures");
        String study = s.choice("study", null, STUDIES);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("study", study);
        NetworkSettings ns = network(s.section("network"), shards, m);
        FailureProblem p = switch (study) {
            case "parity-at-scale" -> parity(s, ns, seed, m);
            case "linear-periodic" -> linearPeriodic(s, ns, seed, m);
            default -> decomposition(s, ns, seed, m);
        };
        s.rejectUnknown();
        root.rejectUnknown();
        r.put("failures", m);
        String resolved = ConfigValueFactory.fromMap(r).render(ConfigRenderOptions.defaults()
                .setOriginComments(false).setJson(false).setFormatted(true));
        return new FailureScenario(name, source, seed, shards, p,
                "# Resolved gradient-failure scenario: every default filled in. Run it again with: ensemble run"
                        + " THIS_FILE\n" + resolved);
    }

    private static NetworkSettings network(Section n, int shards, Map<String, Object> m) {
        int width = (int) n.integer("width", 64, false, 1, 100_000);
        String act = n.choice("activation", "tanh", List.of("tanh", "relu", "sigmoid"));
        double lr = n.positive("lr", 0.5, false);
        int batch = (int) n.integer("batch", 32, false, 1, 1_000_000);
        long steps = n.integer("steps", 4000, false, 1, 100_000_000);
        int test = (int) n.integer("test-samples", 2000, false, 1, 10_000_000);
        Section init = n.section("init");
        double ws = nonNegative(init, "w-scale", 1.0);
        double as = nonNegative(init, "a-sd", 1.0);
        double bs = nonNegative(init, "b-sd", 1.0);
        init.rejectUnknown();
        n.rejectUnknown();
        Map<String, Object> nm = new LinkedHashMap<>();
        nm.put("width", width);
        nm.put("activation", act);
        nm.put("lr", lr);
        nm.put("batch", batch);
        nm.put("steps", steps);
        nm.put("test-samples", test);
        nm.put("init", Map.of("w-scale", ws, "a-sd", as, "b-sd", bs));
        m.put("network", nm);
        return new NetworkSettings(width, act, lr, batch, steps, test, ws, as, bs, shards);
    }

    private static ParityScaleSpec parity(Section s, NetworkSettings ns, long seed, Map<String, Object> m) {
        int[] dims = integers(s, "dimensions", new int[] {10, 20, 30, 40, 50}, 2, 62, m);
        int k = (int) s.integer("sparse-k", 3, false, 1, 62);
        for (int d : dims) {
            if (k >= d) {
                throw s.error("sparse-k", "expected k below every dimension (a k-sparse parity, not the full one), got k = "
                        + k + " with d = " + d);
            }
        }
        long[] seeds = seeds(s, seed, m);
        double success = fraction(s, "success-risk", 0.1, m);
        Section g = s.section("gradients");
        int width = (int) g.integer("width", 32, false, 1, 100_000);
        int targets = (int) g.integer("targets", 400, false, 2, 10_000_000);
        int batch = (int) g.integer("batch", 64, false, 1, 10_000_000);
        Map<String, Object> gm = new LinkedHashMap<>();
        int[] exact = integers(g, "exact-dimensions", new int[] {4, 6, 8, 10, 12, 14}, 1, 20, gm);
        long gseed = g.integer("seed", seed, false, 0, Long.MAX_VALUE);
        g.rejectUnknown();
        m.put("sparse-k", k);
        gm.put("width", width);
        gm.put("targets", targets);
        gm.put("batch", batch);
        gm.put("seed", gseed);
        m.put("gradients", gm);
        return new ParityScaleSpec(ns, dims, k, seeds, success, width, targets, batch, exact, gseed);
    }

    private static LinearPeriodicSpec linearPeriodic(Section s, NetworkSettings ns, long seed, Map<String, Object> m) {
        int d = (int) s.integer("dimension", 20, false, 2, 100_000);
        double[] gn = norms(s, "gradient-norms", new double[] {0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5}, 6, m);
        int directions = (int) s.integer("directions", 2000, false, 3, 10_000_000);
        long gseed = s.integer("gradient-seed", seed, false, 0, Long.MAX_VALUE);
        double[] tn = norms(s, "training-norms", new double[] {0.5, 1, 2, 3, 4}, 0, m);
        long[] seeds = seeds(s, seed, m);
        double success = fraction(s, "success-ratio", 0.2, m);
        if (gn.length < 3) {
            throw s.error("gradient-norms", "expected at least 3 norms (a fitted slope with a CI), got " + gn.length);
        }
        m.put("dimension", d);
        m.put("directions", directions);
        m.put("gradient-seed", gseed);
        return new LinearPeriodicSpec(ns, d, gn, directions, gseed, tn, seeds, success);
    }

    private static DecompositionSpec decomposition(Section s, NetworkSettings ns, long seed, Map<String, Object> m) {
        int[] blocks = integers(s, "blocks", new int[] {1, 2, 3, 4, 5, 6}, 1, 64, m);
        int bd = (int) s.integer("block-dimension", 4, false, 1, 100_000);
        long[] seeds = seeds(s, seed, m);
        double success = fraction(s, "success-error", 0.1, m);
        int snr = (int) s.integer("snr-samples", 100_000, false, 40, 100_000_000);
        m.put("block-dimension", bd);
        m.put("snr-samples", snr);
        return new DecompositionSpec(ns, blocks, bd, seeds, success, snr);
    }

    private static int[] integers(Section s, String k, int[] fallback, int min, int max, Map<String, Object> m) {
        double[] v = s.vector(k, null, false);
        int[] out = v == null ? fallback.clone() : new int[v.length];
        if (v != null) {
            if (v.length == 0) {
                throw s.error(k, "expected a non-empty list of integers in [" + min + ", " + max + "]");
            }
            for (int i = 0; i < v.length; i++) {
                if (v[i] != Math.rint(v[i]) || v[i] < min || v[i] > max) {
                    throw s.error(k, "expected integers in [" + min + ", " + max + "], got " + v[i]);
                }
                out[i] = (int) v[i];
            }
        }
        for (int i = 1; i < out.length; i++) {
            if (out[i] <= out[i - 1]) {
                throw s.error(k, "expected increasing values, got " + out[i - 1] + " then " + out[i]);
            }
        }
        List<Integer> l = new ArrayList<>();
        for (int x : out) {
            l.add(x);
        }
        m.put(k, l);
        return out;
    }

    private static double[] norms(Section s, String k, double[] fallback, double max, Map<String, Object> m) {
        double[] v = s.vector(k, fallback, false);
        if (v.length == 0) {
            throw s.error(k, "expected a non-empty list of norms ‖w*‖");
        }
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) || Double.isInfinite(v[i]) || (max > 0 && v[i] > max)) {
                throw s.error(k, "expected norms in (0, " + (max > 0 ? max : "∞") + "], got " + v[i]);
            }
            if (i > 0 && v[i] <= v[i - 1]) {
                throw s.error(k, "expected increasing norms, got " + v[i - 1] + " then " + v[i]);
            }
        }
        List<Double> l = new ArrayList<>();
        for (double x : v) {
            l.add(x);
        }
        m.put(k, l);
        return v;
    }

    private static long[] seeds(Section s, long seed, Map<String, Object> m) {
        double[] v = s.vector("seeds", new double[] {seed}, false);
        if (v.length == 0) {
            throw s.error("seeds", "expected a non-empty list of seeds");
        }
        long[] out = new long[v.length];
        List<Long> l = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || v[i] < 0) {
                throw s.error("seeds", "expected non-negative integers, got " + v[i]);
            }
            out[i] = (long) v[i];
            l.add(out[i]);
        }
        m.put("seeds", l);
        return out;
    }

    private static double fraction(Section s, String k, double fallback, Map<String, Object> m) {
        double x = s.number(k, fallback, false);
        if (!(x > 0 && x < 1)) {
            throw s.error(k, "expected a number in (0, 1), got " + x);
        }
        m.put(k, x);
        return x;
    }

    private static double nonNegative(Section s, String k, double fallback) {
        double x = s.number(k, fallback, false);
        if (!(x >= 0) || Double.isInfinite(x)) {
            throw s.error(k, "expected a non-negative finite number, got " + x);
        }
        return x;
    }
}
