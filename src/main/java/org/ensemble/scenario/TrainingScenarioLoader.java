package org.ensemble.scenario;

import org.ensemble.step.Granularity;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ensemble.data.CsvData;
import org.ensemble.data.DataFileException;
import org.ensemble.data.DataSource;
import org.ensemble.data.HadamardData;
import org.ensemble.data.IsotropicGaussians;
import org.ensemble.data.ParityData;
import org.ensemble.data.TeacherNetwork;
import org.ensemble.network.Activation;
import org.ensemble.network.Loss;
import org.ensemble.network.NetworkSpec;
import org.ensemble.network.Scaling;
import org.ensemble.network.TrainingRule;

/**
 * Reads a training scenario (a file with a {@code network} section) into a {@link TrainingScenario},
 * with the same one-line errors as {@link ScenarioLoader}: file, line, key path, what was expected.
 */
public final class TrainingScenarioLoader {
    private TrainingScenarioLoader() {
    }

    /** Whether the file is a training scenario (it has a {@code network} section). */
    public static boolean isTraining(Path file) {
        return ScenarioLoader.hasSection(file, "network");
    }

    public static TrainingScenario load(Path file, List<String> overrides) {
        String label = file.toString();
        Config base = ScenarioLoader.parseFile(file);
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return build(label, name, file.toAbsolutePath().getParent(), file,
                ScenarioLoader.withOverrides(label, base, overrides));
    }

    public static TrainingScenario loadString(String hocon, String originName, List<String> overrides) {
        Config base = ScenarioLoader.parseString(hocon, originName);
        return build(originName, originName.replaceFirst("\\.[^.]*$", ""), Path.of("."), null,
                ScenarioLoader.withOverrides(originName, base, overrides));
    }

    static TrainingScenario reload(TrainingScenario s, List<String> overrides) {
        String label = s.source() != null ? s.source().toString() : s.name();
        Config base = ScenarioLoader.parseString(s.resolved(), label);
        Path dir = s.source() != null ? s.source().toAbsolutePath().getParent() : Path.of(".");
        return build(label, s.name(), dir, s.source(), ScenarioLoader.withOverrides(label, base, overrides));
    }

    private static TrainingScenario build(String label, String defaultName, Path baseDir, Path source, Config config) {
        Section root = new Section(label, "", config.root());
        Map<String, Object> r = new LinkedHashMap<>();
        String name = root.string("name", defaultName, false);
        long seed = root.integer("seed", 0, true, 0, Long.MAX_VALUE);
        int shards = (int) root.integer("shards", Runtime.getRuntime().availableProcessors(), false, 1, 4096);
        String gran = root.choice("granularity", "block", List.of("block", "neuron"));
        int blockSize = (int) root.integer("block-size", 256, false, 1, 1 << 20);
        r.put("name", name);
        r.put("seed", seed);
        r.put("shards", shards);
        r.put("granularity", gran);
        r.put("block-size", blockSize);

        Section data = root.section("data");
        String kind = data.choice("type", null, List.of("isotropic-gaussians", "teacher", "parity", "hadamard", "csv",
                "linear-periodic", "block-parity"));
        long dataSeed = data.integer("seed", seed, false, 0, Long.MAX_VALUE);
        Map<String, Object> dm = new LinkedHashMap<>();
        dm.put("type", kind);
        dm.put("seed", dataSeed);
        DataSource source0 = data(data, kind, dataSeed, baseDir, dm);
        data.rejectUnknown();
        r.put("data", dm);
        int d = source0.dimension();

        Section net = root.section("network");
        long width = net.integer("width", 0, true, 1, 100_000_000L);
        Activation act = activation(net, "activation", "ramp", net.section("ramp"));
        Map<String, Object> nm = new LinkedHashMap<>();
        nm.put("width", width);
        nm.put("activation", act.kind().key());
        if (act.kind() == Activation.Kind.RAMP) {
            nm.put("ramp", Map.of("t1", act.t1(), "t2", act.t2(), "s1", act.s1(), "s2", act.s2()));
        }
        Scaling scaling = Scaling.parse(net.choice("scaling", "mean-field", List.of("mean-field", "sqrt")));
        Loss loss = Loss.parse(net.choice("loss", "square", List.of("square", "logistic")));
        List<String> train = strings(net, "train", List.of("w"));
        for (String t : train) {
            if (!List.of("a", "w", "b").contains(t)) {
                throw net.error("train", "expected a subset of [a, w, b], got '" + t + "'");
            }
        }
        if (train.isEmpty()) {
            throw net.error("train", "expected at least one of a, w, b to train");
        }
        Section init = net.section("init");
        double wScale = nonNegative(init, "w-scale", 1.0);
        double aInit = init.number("a", 1.0, false);
        double aSd = nonNegative(init, "a-sd", 0.0);
        double bInit = init.number("b", 0.0, false);
        double bSd = nonNegative(init, "b-sd", 0.0);
        init.rejectUnknown();
        net.rejectUnknown();
        nm.put("scaling", scaling.key());
        nm.put("loss", loss.key());
        nm.put("train", train);
        nm.put("init", Map.of("w-scale", wScale, "a", aInit, "a-sd", aSd, "b", bInit, "b-sd", bSd));
        r.put("network", nm);
        NetworkSpec network = new NetworkSpec(width, d, act, scaling, loss, train.contains("a"), train.contains("w"),
                train.contains("b"), wScale, aInit, aSd, bInit, bSd);

        Section tr = root.section("training");
        double lr = tr.positive("lr", 0, true);
        int batch = (int) tr.integer("batch", 1, false, 1, 1_000_000);
        double lambda = nonNegative(tr, "weight-decay", 0.0);
        double beta = tr.has("beta") ? tr.positive("beta", 0, true) : Double.POSITIVE_INFINITY;
        boolean hasTime = tr.has("time");
        boolean hasSteps = tr.has("steps");
        if (hasTime == hasSteps) {
            throw tr.error(hasTime ? "steps" : "time", "expected exactly one of time (mean-field time t = steps·lr)"
                    + " or steps");
        }
        long steps = hasSteps ? tr.integer("steps", 0, true, 1, Long.MAX_VALUE / 4)
                : Math.round(tr.positive("time", 0, true) / lr);
        if (steps < 1) {
            throw tr.error("time", "expected at least one step (lr = " + lr + ")");
        }
        tr.rejectUnknown();
        Map<String, Object> tm = new LinkedHashMap<>();
        tm.put("lr", lr);
        tm.put("batch", batch);
        tm.put("steps", steps);
        tm.put("weight-decay", lambda);
        if (Double.isFinite(beta)) {
            tm.put("beta", beta);
        }
        r.put("training", tm);
        TrainingRule rule = new TrainingRule(lr, batch, lambda, beta);

        Section obs = root.section("observe");
        double reportTime = obs.positive("report-every", steps * lr / 100, false);
        long reportEvery = Math.max(1, Math.min(steps, Math.round(reportTime / lr)));
        int testSamples = (int) obs.integer("test-samples", 2000, false, 0, 10_000_000);
        Section hist = obs.section("histogram");
        int bins = (int) hist.integer("bins", 60, false, 2, 100_000);
        double[] range = hist.vector("radius-range", new double[] {0, 4}, false);
        if (range.length != 2 || !(range[0] < range[1]) || range[0] < 0) {
            throw hist.error("radius-range", "expected [low, high] with 0 ≤ low < high");
        }
        hist.rejectUnknown();
        obs.rejectUnknown();
        r.put("observe", Map.of("report-every", reportEvery * lr, "test-samples", testSamples,
                "histogram", Map.of("bins", bins, "radius-range", List.of(range[0], range[1]))));

        Optional<TrainingScenario.RadialOdeSpec> ode = Optional.empty();
        if (root.has("reference")) {
            Section ref = root.section("reference");
            Section ro = ref.section("radial-ode");
            if (!ref.has("radial-ode")) {
                throw ref.error("radial-ode", "missing; expected radial-ode { nodes, s-nodes, dt }");
            }
            if (!kind.equals("isotropic-gaussians") || network.trainA() || network.trainB() || network.bSd() > 0
                    || network.bInit() != 0 || network.aSd() > 0 || network.aInit() != 1.0
                    || scaling != Scaling.MEAN_FIELD || loss != Loss.SQUARE || rule.noisy() || rule.lambda() > 0) {
                throw ref.error("radial-ode", "expected isotropic-gaussians data and a mean-field square-loss network"
                        + " with a = 1 and b = 0 fixed, trained without noise or weight decay (the reduction holds"
                        + " only there)");
            }
            int nodes = (int) ro.integer("nodes", 1000, false, 2, 1_000_000);
            int sNodes = (int) ro.integer("s-nodes", 64, false, 2, 100_000);
            double odeDt = ro.positive("dt", 0.04, false);
            ro.rejectUnknown();
            ref.rejectUnknown();
            ode = Optional.of(new TrainingScenario.RadialOdeSpec(nodes, sNodes, odeDt));
            r.put("reference", Map.of("radial-ode", Map.of("nodes", nodes, "s-nodes", sNodes, "dt", odeDt)));
        }

        Optional<TrainingScenario.StudySpec> study = Optional.empty();
        if (root.has("study")) {
            Section st = root.section("study");
            ParticleStudy common = ParticleStudy.parse(st, seed);
            String key = common.vary();
            List<String> values = common.values();
            List<Long> seeds = common.seeds();
            double success = st.positive("success-risk", 1e-3, false);
            st.rejectUnknown();
            study = Optional.of(new TrainingScenario.StudySpec(key, List.copyOf(values), List.copyOf(seeds), success));
            r.put("study", Map.of("vary", key, "values", common.plainValues(), "seeds", seeds, "success-risk", success));
        }

        Optional<TrainingScenario.ParityGradientSpec> pg = Optional.empty();
        if (root.has("parity-gradients")) {
            Section ps = root.section("parity-gradients");
            double[] dims = ps.vector("dimensions", null, true);
            int[] di = new int[dims.length];
            for (int k = 0; k < dims.length; k++) {
                if (dims[k] != Math.rint(dims[k]) || dims[k] < 1 || dims[k] > 24) {
                    throw ps.error("dimensions", "expected integers in [1, 24] (exact sums over 2^d inputs), got "
                            + dims[k]);
                }
                di[k] = (int) dims[k];
            }
            int pw = (int) ps.integer("width", 32, false, 1, 100_000);
            long ps0 = ps.integer("seed", seed, false, 0, Long.MAX_VALUE);
            int targets = (int) ps.integer("targets", 2000, false, 0, 10_000_000);
            int pb = (int) ps.integer("batch", 64, false, 1, 10_000_000);
            ps.rejectUnknown();
            pg = Optional.of(new TrainingScenario.ParityGradientSpec(di, pw, ps0, targets, pb));
            List<Integer> dl = new ArrayList<>();
            for (int x : di) {
                dl.add(x);
            }
            r.put("parity-gradients", Map.of("dimensions", dl, "width", pw, "seed", ps0, "targets", targets,
                    "batch", pb));
        }
        double checkpointEvery = CheckpointSection.parse(root, r);
        root.rejectUnknown();
        if (gran.equals("neuron") && width > 100_000) {
            throw root.error("granularity", "expected block for networks above 1e5 neurons, got neuron with width "
                    + width);
        }
        String resolved = ConfigValueFactory.fromMap(r).render(ConfigRenderOptions.defaults()
                .setOriginComments(false).setJson(false).setFormatted(true));
        return new TrainingScenario(name, source, seed, shards, gran.equals("neuron") ? Granularity.MEMBER : Granularity.BLOCK, blockSize, network, kind,
                source0, rule, steps, reportEvery, testSamples, bins, range, ode, study, pg, checkpointEvery,
                "# Resolved training scenario: every default filled in. Run it again with: ensemble run THIS_FILE\n"
                        + resolved);
    }

    static DataSource data(Section s, String kind, long seed, Path baseDir, Map<String, Object> out) {
        try {
            switch (kind) {
                case "isotropic-gaussians" -> {
                    int d = (int) s.integer("dimension", 0, true, 2, 1_000_000);
                    double delta = s.number("delta", 0.5, false);
                    if (!(delta >= 0 && delta < 1)) {
                        throw s.error("delta", "expected a number in [0, 1), got " + delta);
                    }
                    out.put("dimension", d);
                    out.put("delta", delta);
                    return new IsotropicGaussians(d, delta, seed);
                }
                case "teacher" -> {
                    int d = (int) s.integer("dimension", 0, true, 1, 1_000_000);
                    int k = (int) s.integer("width", 0, true, 1, 1_000_000);
                    Activation act = activation(s, "activation", "tanh", s.section("ramp"));
                    double inputScale = s.positive("input-scale", 1.0, false);
                    double wScale = s.positive("w-scale", 1.0, false);
                    String ow = s.choice("output-weights", "ones", List.of("ones", "gaussian"));
                    double biasScale = nonNegative(s, "bias-scale", 0.0);
                    double noise = nonNegative(s, "label-noise", 0.0);
                    long teacherSeed = s.integer("teacher-seed", 1, false, 0, Long.MAX_VALUE);
                    out.put("dimension", d);
                    out.put("width", k);
                    out.put("activation", act.kind().key());
                    out.put("input-scale", inputScale);
                    out.put("w-scale", wScale);
                    out.put("output-weights", ow);
                    out.put("bias-scale", biasScale);
                    out.put("label-noise", noise);
                    out.put("teacher-seed", teacherSeed);
                    return new TeacherNetwork(d, k, act, inputScale, wScale, ow, biasScale, noise, teacherSeed, seed);
                }
                case "parity" -> {
                    int d = (int) s.integer("dimension", 0, true, 1, 62);
                    int[] subset;
                    if (s.has("subset") && s.config().getValue("subset").unwrapped() instanceof List<?>) {
                        double[] v = s.vector("subset", null, true);
                        subset = new int[v.length];
                        for (int i = 0; i < v.length; i++) {
                            if (v[i] != Math.rint(v[i]) || v[i] < 0 || v[i] >= d) {
                                throw s.error("subset", "expected coordinates in [0, " + (d - 1) + "], got " + v[i]);
                            }
                            subset[i] = (int) v[i];
                        }
                    } else {
                        String all = s.string("subset", "all", false);
                        if (!all.equals("all")) {
                            throw s.error("subset", "expected a list of coordinates or \"all\", got '" + all + "'");
                        }
                        subset = new int[d];
                        for (int i = 0; i < d; i++) {
                            subset[i] = i;
                        }
                    }
                    boolean signs = s.bool("signs", false);
                    out.put("dimension", d);
                    List<Integer> sl = new ArrayList<>();
                    for (int i : subset) {
                        sl.add(i);
                    }
                    out.put("subset", sl);
                    out.put("signs", signs);
                    return new ParityData(d, subset, signs, seed);
                }
                case "hadamard" -> {
                    int d = (int) s.integer("dimension", 0, true, 1, 1 << 20);
                    if (Integer.bitCount(d) != 1) {
                        throw s.error("dimension", "expected a power of two, got " + d);
                    }
                    int target = (int) s.integer("target", 0, false, 0, d - 1);
                    boolean normalized = s.bool("normalized", false);
                    out.put("dimension", d);
                    out.put("target", target);
                    out.put("normalized", normalized);
                    return new HadamardData(d, target, normalized, seed);
                }
                case "linear-periodic", "block-parity" -> {
                    return FailureDataSections.data(s, kind, seed, out);
                }
                default -> {
                    String file = s.string("file", null, true);
                    Path path = baseDir.resolve(file).toAbsolutePath().normalize();
                    if (!Files.isRegularFile(path)) {
                        throw s.error("file", "expected an existing CSV file, '" + path + "' not found");
                    }
                    String labelCol = s.string("label", "label", false);
                    List<String> features = s.has("features") ? strings(s, "features", List.of()) : null;
                    double frac = s.number("test-fraction", CsvData.DEFAULT_TEST_FRACTION, false);
                    if (!(frac > 0 && frac < 1)) {
                        throw s.error("test-fraction", "expected a number in (0, 1), got " + frac);
                    }
                    long splitSeed = s.integer("split-seed", 1, false, 0, Long.MAX_VALUE);
                    CsvData csv = new CsvData(path, labelCol, features, frac, splitSeed, seed);
                    // Absolute, so the resolved scenario.conf in a run directory still finds the file.
                    out.put("file", path.toString());
                    out.put("label", labelCol);
                    out.put("features", csv.featureColumns());
                    out.put("test-fraction", frac);
                    out.put("split-seed", splitSeed);
                    return csv;
                }
            }
        } catch (DataFileException e) {
            throw s.error("file", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw s.error(null, e.getMessage());
        }
    }

    private static Activation activation(Section s, String key, String fallback, Section ramp) {
        String a = s.choice(key, fallback, List.of("tanh", "relu", "sigmoid", "ramp"));
        Activation.Kind kind = Activation.Kind.parse(a);
        if (kind != Activation.Kind.RAMP) {
            if (s.has("ramp")) {
                throw s.error("ramp", "ramp constants given but " + key + " is " + a);
            }
            return Activation.of(kind);
        }
        double t1 = ramp.number("t1", Activation.RAMP_T1, false);
        double t2 = ramp.number("t2", Activation.RAMP_T2, false);
        double s1 = ramp.number("s1", Activation.RAMP_S1, false);
        double s2 = ramp.number("s2", Activation.RAMP_S2, false);
        if (!(t1 < t2)) {
            throw ramp.error("t2", "expected t1 < t2, got t1 = " + t1 + ", t2 = " + t2);
        }
        ramp.rejectUnknown();
        return Activation.ramp(t1, t2, s1, s2);
    }

    private static double nonNegative(Section s, String k, double fallback) {
        double x = s.number(k, fallback, false);
        if (!(x >= 0) || Double.isInfinite(x)) {
            throw s.error(k, "expected a non-negative finite number, got " + x);
        }
        return x;
    }

    private static List<String> strings(Section s, String k, List<String> fallback) {
        if (!s.has(k)) {
            return fallback;
        }
        Object raw = s.config().getValue(k).unwrapped();
        if (!(raw instanceof List<?> l)) {
            throw s.error(k, "expected a list of names, e.g. [w] or [a, w, b]");
        }
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof String str)) {
                throw s.error(k, "expected names, got " + o);
            }
            out.add(str);
        }
        return out;
    }
}
