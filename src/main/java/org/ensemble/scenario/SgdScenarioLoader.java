package org.ensemble.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ensemble.data.DataSource;
import org.ensemble.network.Activation;
import org.ensemble.sgd.Algorithm;
import org.ensemble.sgd.DelayModel;
import org.ensemble.sgd.NetworkModel;
import org.ensemble.sgd.Policy;
import org.ensemble.sgd.SgdSettings;
import org.ensemble.step.Granularity;

/**
 * Reads an SGD-workers scenario (a file with a {@code workers} section) into an {@link SgdScenario},
 * with the same one-line errors as {@link ScenarioLoader}: file, line, key path, what was expected.
 */
public final class SgdScenarioLoader {
    private static final int MAX_WORKERS = 4096;

    private SgdScenarioLoader() {
    }

    /** Whether the file is an SGD-workers scenario (it has a {@code workers} section). */
    public static boolean isSgd(Path file) {
        return ScenarioLoader.hasSection(file, "workers");
    }

    public static SgdScenario load(Path file, List<String> overrides) {
        String label = file.toString();
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return build(label, name, file.toAbsolutePath().getParent(), file,
                ScenarioLoader.withOverrides(label, ScenarioLoader.parseFile(file), overrides));
    }

    public static SgdScenario loadString(String hocon, String originName, List<String> overrides) {
        Config base = ScenarioLoader.parseString(hocon, originName);
        return build(originName, originName.replaceFirst("\\.[^.]*$", ""), Path.of("."), null,
                ScenarioLoader.withOverrides(originName, base, overrides));
    }

    static SgdScenario reload(SgdScenario s, List<String> overrides) {
        String label = s.source() != null ? s.source().toString() : s.name();
        Config base = ScenarioLoader.parseString(s.resolved(), label);
        Path dir = s.source() != null ? s.source().toAbsolutePath().getParent() : Path.of(".");
        return build(label, s.name(), dir, s.source(), ScenarioLoader.withOverrides(label, base, overrides));
    }

    private static SgdScenario build(String label, String defaultName, Path baseDir, Path source, Config config) {
        Section root = new Section(label, "", config.root());
        Map<String, Object> r = new LinkedHashMap<>();
        String name = root.string("name", defaultName, false);
        long seed = root.integer("seed", 0, true, 0, Long.MAX_VALUE);
        int shards = (int) root.integer("shards", Runtime.getRuntime().availableProcessors(), false, 1, 4096);
        String gran = root.choice("granularity", "block", List.of("block", "worker"));
        int blockSize = (int) root.integer("block-size", 1, false, 1, MAX_WORKERS);
        r.put("name", name);
        r.put("seed", seed);
        r.put("shards", shards);
        r.put("granularity", gran);
        r.put("block-size", blockSize);

        Section model = root.section("model");
        String kind = model.choice("type", null, List.of("quadratic", "linear-regression", "logistic-regression",
                "two-layer-network"));
        Map<String, Object> mm = new LinkedHashMap<>();
        mm.put("type", kind);
        double[] curvature = null;
        double[] noiseSd = null;
        int width = 0;
        Activation activation = null;
        DataSource data = null;
        String dataKind = null;
        int testSamples = 0;
        int d;
        if (kind.equals("quadratic")) {
            curvature = model.vector("curvature", null, true);
            for (double h : curvature) {
                if (!(h > 0)) {
                    throw model.error("curvature", "expected positive curvatures (the diagonal of H), got " + h);
                }
            }
            d = curvature.length;
            noiseSd = broadcast(model, "noise-sd", model.vector("noise-sd", new double[]{0}, false), d);
            mm.put("curvature", list(curvature));
            mm.put("noise-sd", list(noiseSd));
        } else {
            Section ds = model.section("data");
            dataKind = ds.choice("type", null, List.of("isotropic-gaussians", "teacher", "parity", "hadamard", "csv"));
            long dataSeed = ds.integer("seed", seed, false, 0, Long.MAX_VALUE);
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("type", dataKind);
            dm.put("seed", dataSeed);
            data = TrainingScenarioLoader.data(ds, dataKind, dataSeed, baseDir, dm);
            ds.rejectUnknown();
            mm.put("data", dm);
            testSamples = (int) model.integer("test-samples", 1000, false, 0, 10_000_000);
            mm.put("test-samples", testSamples);
            d = data.dimension();
            if (kind.equals("two-layer-network")) {
                width = (int) model.integer("width", 0, true, 1, 1_000_000);
                activation = Activation.of(Activation.Kind.parse(model.choice("activation", "tanh",
                        List.of("tanh", "relu", "sigmoid"))));
                if ((long) width * (d + 1) > 100_000_000L) {
                    throw model.error("width", "expected at most 1e8 parameters, got " + width + " × " + (d + 1));
                }
                mm.put("width", width);
                mm.put("activation", activation.kind().key());
                d = width * (d + 1);
            }
        }
        model.rejectUnknown();
        r.put("model", mm);

        Section w = root.section("workers");
        int count = (int) w.integer("count", 0, true, 1, MAX_WORKERS);
        Policy policy = Policy.parse(w.choice("policy", null, Policy.keys()));
        int bound = (int) w.integer("staleness-bound", 0, false, 0, 1_000_000);
        if (w.has("staleness-bound") && policy != Policy.SSP) {
            throw w.error("staleness-bound", "expected only with policy = ssp, the policy is " + policy.key());
        }
        int batch = (int) w.integer("batch", 1, false, 1, 1_000_000);
        Section dl = w.section("delay");
        DelayModel.Kind dk = DelayModel.Kind.parse(dl.choice("model", "fixed", DelayModel.Kind.keys()));
        double mean = dl.positive("mean", 1, false);
        if (dk == DelayModel.Kind.GEOMETRIC && mean < 1) {
            throw dl.error("mean", "expected a mean ≥ 1 for geometric compute times (they are 1, 2, …), got " + mean);
        }
        double sigma = nonNegative(dl, "sigma", dk == DelayModel.Kind.LOG_NORMAL ? 0.5 : 0);
        int stragglers = (int) dl.integer("stragglers", 0, false, 0, count);
        double slowdown = dl.number("slowdown", 1, false);
        if (!(slowdown >= 1)) {
            throw dl.error("slowdown", "expected a factor ≥ 1, got " + slowdown);
        }
        long delaySeed = dl.integer("seed", seed, false, 0, Long.MAX_VALUE);
        dl.rejectUnknown();
        Algorithm algorithm = Algorithm.parse(w.choice("algorithm", "sgd", Algorithm.keys()));
        double lr = w.positive("lr", 0, true);
        double momentum = w.number("momentum", 0, false);
        if (!(momentum >= 0 && momentum < 1)) {
            throw w.error("momentum", "expected a number in [0, 1), got " + momentum);
        }
        int localSteps = (int) w.integer("local-steps", 1, false, 1, 1_000_000);
        boolean averaging = algorithm == Algorithm.LOCAL_SGD || algorithm == Algorithm.EASGD;
        if (localSteps != 1 && !averaging) {
            throw w.error("local-steps", "expected only with algorithm = local-sgd or easgd, the algorithm is "
                    + algorithm.key());
        }
        if (averaging && policy != Policy.BSP) {
            throw w.error("algorithm", "expected policy = bsp for " + algorithm.key() + " (it averages"
                    + " synchronously), the policy is " + policy.key());
        }
        if (averaging && momentum != 0) {
            throw w.error("momentum", "expected 0 for " + algorithm.key() + " (the server averages, it takes no step)");
        }
        double elasticity = algorithm == Algorithm.EASGD ? w.number("elasticity", 0, true) : 0;
        if (algorithm == Algorithm.EASGD && !(elasticity > 0 && elasticity <= 1)) {
            throw w.error("elasticity", "expected a number in (0, 1], got " + elasticity);
        }
        if (algorithm != Algorithm.EASGD && w.has("elasticity")) {
            throw w.error("elasticity", "expected only with algorithm = easgd, the algorithm is " + algorithm.key());
        }
        double dcLambda = nonNegative(w, "dc-lambda", algorithm == Algorithm.DC_ASGD ? 0.04 : 0);
        if (w.has("dc-lambda") && algorithm != Algorithm.DC_ASGD) {
            throw w.error("dc-lambda", "expected only with algorithm = dc-asgd, the algorithm is " + algorithm.key());
        }
        boolean wall = w.choice("timing", "simulated", List.of("simulated", "wall")).equals("wall");
        if (wall && (policy != Policy.ASP || averaging || algorithm == Algorithm.EASGD)) {
            throw w.error("timing", "expected timing = wall only for asynchronous workers (policy = asp, algorithm sgd"
                    + " or dc-asgd): the others wait for each other, so the clock changes nothing");
        }
        // The parameter server's key ranges: each shard owns at least one coordinate.
        int serverShards = (int) w.integer("server-shards", 1, false, 1, Integer.MAX_VALUE);
        if (serverShards > d) {
            throw w.error("server-shards", "expected at most the model's " + d + " parameters (each server shard owns"
                    + " a key range of one coordinate at least), got " + serverShards);
        }
        w.rejectUnknown();
        Map<String, Object> wm = new LinkedHashMap<>();
        wm.put("count", count);
        wm.put("policy", policy.key());
        if (policy == Policy.SSP) {
            wm.put("staleness-bound", bound);
        }
        wm.put("batch", batch);
        wm.put("delay", Map.of("model", dk.key(), "mean", mean, "sigma", sigma, "stragglers", stragglers,
                "slowdown", slowdown, "seed", delaySeed));
        wm.put("algorithm", algorithm.key());
        wm.put("lr", lr);
        wm.put("momentum", momentum);
        if (wall) {
            wm.put("timing", "wall");
        }
        if (algorithm == Algorithm.DC_ASGD) {
            wm.put("dc-lambda", dcLambda);
        }
        if (averaging) {
            wm.put("local-steps", localSteps);
        }
        if (algorithm == Algorithm.EASGD) {
            wm.put("elasticity", elasticity);
        }
        // One server shard (the default) leaves the resolved text, and so older checkpoints' identity, as before.
        if (serverShards != 1) {
            wm.put("server-shards", serverShards);
        }
        r.put("workers", wm);

        Section run = root.section("run");
        long versions = run.integer("versions", 0, true, 1, Long.MAX_VALUE / 4);
        long every = run.integer("report-every", Math.max(1, versions / 100), false, 1, versions);
        long burnIn = run.integer("burn-in", versions / 10, false, 0, versions - 1);
        double[] init;
        if (kind.equals("two-layer-network")) {
            if (run.has("init")) {
                throw run.error("init", "expected no init for a two-layer network: its neurons are drawn from the seed"
                        + " (w ~ N(0, I/d), a ~ N(0, 1))");
            }
            init = NetworkModel.initial(width, data.dimension(), seed);
        } else {
            init = broadcast(run, "init", run.vector("init", new double[]{kind.equals("quadratic") ? 1 : 0}, false), d);
        }
        run.rejectUnknown();
        r.put("run", kind.equals("two-layer-network")
                ? Map.of("versions", versions, "report-every", every, "burn-in", burnIn)
                : Map.of("versions", versions, "report-every", every, "burn-in", burnIn, "init", list(init)));

        Optional<SgdScenario.StabilitySpec> stability = Optional.empty();
        if (root.has("stability")) {
            if (wall) {
                throw root.error("stability", "expected simulated timing for the staleness study (its delays are fixed"
                        + " by design), got workers.timing = wall");
            }
            Section st = root.section("stability");
            double[] taus = st.vector("tau", null, true);
            List<Integer> tl = new ArrayList<>();
            for (double t : taus) {
                if (t != Math.rint(t) || t < 0 || t + 1 > MAX_WORKERS) {
                    throw st.error("tau", "expected whole delays in [0, " + (MAX_WORKERS - 1) + "], got " + t);
                }
                tl.add((int) t);
            }
            Section g = st.section("lr");
            double from = g.positive("from", 0, true);
            double to = g.positive("to", 0, true);
            double step = g.positive("step", 0, true);
            if (!(to > from) || (to - from) / step > 10_000) {
                throw g.error("to", "expected from < to with at most 10000 grid steps, got from = " + from + ", to = "
                        + to + ", step = " + step);
            }
            g.rejectUnknown();
            long sv = st.integer("versions", 20_000, false, 100, 100_000_000);
            st.rejectUnknown();
            if (!kind.equals("quadratic") || curvature.length != 1) {
                throw root.error("stability", "expected a one-dimensional quadratic model for the stability study");
            }
            int n = (int) Math.floor((to - from) / step + 1e-9) + 1;
            double[] lrs = new double[n];
            for (int i = 0; i < n; i++) {
                lrs[i] = Math.rint((from + i * step) * 1e12) / 1e12; // 0.975, not 0.9750000000000001
            }
            stability = Optional.of(new SgdScenario.StabilitySpec(List.copyOf(tl), lrs, sv));
            r.put("stability", Map.of("tau", tl, "lr", Map.of("from", from, "to", to, "step", step), "versions", sv));
        }
        double checkpointEvery = CheckpointSection.parse(root, r);
        if (wall && checkpointEvery > 0) {
            throw root.error("checkpoint", "expected no checkpoints with workers.timing = wall: a wall-clock run cannot"
                    + " be continued the same way (its interleaving is not reproducible)");
        }
        root.rejectUnknown();
        if (gran.equals("worker") && count > 10_000) {
            throw root.error("granularity", "expected block for more than 1e4 workers");
        }
        SgdSettings settings = new SgdSettings(policy, count, bound, batch,
                new DelayModel(dk, mean, sigma, stragglers, slowdown, delaySeed), algorithm, lr, momentum, dcLambda,
                versions, every, init, localSteps, elasticity, serverShards);
        String resolved = ConfigValueFactory.fromMap(r).render(ConfigRenderOptions.defaults()
                .setOriginComments(false).setJson(false).setFormatted(true));
        return new SgdScenario(name, source, seed, shards, gran.equals("worker") ? Granularity.MEMBER
                : Granularity.BLOCK, blockSize, kind, curvature, noiseSd, dataKind, data, testSamples, width, activation,
                wall, settings, burnIn,
                stability, checkpointEvery,
                "# Resolved SGD-workers scenario: every default filled in. Run it again with: ensemble run THIS_FILE\n"
                        + resolved);
    }

    /** One number for every coordinate, or exactly d numbers. */
    private static double[] broadcast(Section s, String k, double[] v, int d) {
        if (v.length == d) {
            return v;
        }
        if (v.length == 1) {
            double[] out = new double[d];
            java.util.Arrays.fill(out, v[0]);
            return out;
        }
        throw s.error(k, "expected one number or " + d + " (one per coordinate), got " + v.length);
    }

    private static List<Double> list(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    private static double nonNegative(Section s, String k, double fallback) {
        double x = s.number(k, fallback, false);
        if (!(x >= 0)) {
            throw s.error(k, "expected a non-negative number, got " + x);
        }
        return x;
    }
}
