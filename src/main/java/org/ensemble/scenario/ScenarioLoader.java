package org.ensemble.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValueFactory;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ensemble.step.Granularity;
import org.ensemble.dynamics.LangevinDynamics;
import org.ensemble.dynamics.LangevinType;
import org.ensemble.kernel.Backend;
import org.ensemble.population.GaussianInitial;
import org.ensemble.population.InitialCondition;
import org.ensemble.population.PointInitial;
import org.ensemble.population.UniformInitial;
import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.potential.HarmonicPotential;
import org.ensemble.potential.MullerBrownPotential;
import org.ensemble.potential.Potential;
import org.ensemble.potential.PotentialParams;
import org.ensemble.dynamics.PairInteraction;

/**
 * Reads a HOCON scenario (plus {@code --set key=value} overrides) into a {@link Scenario}, once,
 * rejecting unknown keys, wrong types and out-of-range values with one-line errors that name the
 * file, line and key path.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {
    }

    public static Scenario load(Path file, List<String> overrides) {
        return load(file, overrides, List.of());
    }

    /**
     * As {@link #load(Path, List)}, then one sweep value ({@code key=value}) on top: its errors name
     * {@code --vary key}, the flag the user typed, not {@code --set}.
     */
    public static Scenario load(Path file, List<String> overrides, List<String> varied) {
        String label = file.toString();
        Config base = parseFile(file);
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        // Resolved once, after both, so substitutions see the varied value.
        Config c = resolve(label, merge(label, merge(label, base, overrides, "--set"), varied, "--vary"));
        return build(label, name, file.toAbsolutePath().getParent(), file, c);
    }

    /** Parses scenario text (a resolved scenario, a test's string) with a one-line error for bad syntax. */
    static Config parseString(String hocon, String originName) {
        try {
            return ConfigFactory.parseString(hocon, ConfigParseOptions.defaults().setOriginDescription(originName));
        } catch (ConfigException e) {
            throw parseError(originName, e);
        }
    }

    /** Whether the file is a readable scenario with a top-level {@code section} (how kinds are told apart). */
    static boolean hasSection(Path file, String section) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF))
                    .hasPath(section);
        } catch (ConfigException e) {
            return false;
        }
    }

    /** Reads a scenario file as HOCON, with one-line errors for a missing file or bad syntax. */

    static Config parseFile(Path file) {
        String label = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(label, -1, "", Files.exists(file) ? "not a regular file" : "file not found");
        }
        // Opened here first: the HOCON parser would report a read failure as a syntax error.
        try (java.io.InputStream in = Files.newInputStream(file)) {
            in.read();
        } catch (java.io.IOException e) {
            throw readError(label, e);
        }
        try {
            return ConfigFactory.parseFile(file.toFile(),
                    ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false));
        } catch (ConfigException e) {
            throw parseError(label, e);
        }
    }

    /** Parses HOCON text (tests, sweeps); {@code originName} stands for the file in errors and names the scenario. */
    public static Scenario loadString(String hocon, String originName) {
        return loadString(hocon, originName, List.of());
    }

    public static Scenario loadString(String hocon, String originName, List<String> overrides) {
        Config base;
        try {
            base = ConfigFactory.parseString(hocon, ConfigParseOptions.defaults().setOriginDescription(originName));
        } catch (ConfigException e) {
            throw parseError(originName, e);
        }
        return build(originName, originName.replaceFirst("\\.[^.]*$", ""), Path.of("."), null,
                withOverrides(originName, base, overrides));
    }

    /** Re-reads a scenario's resolved text with extra overrides, keeping its source file. */
    static Scenario reload(Scenario s, List<String> overrides) {
        String label = s.source() != null ? s.source().toString() : s.name();
        Config base;
        try {
            base = ConfigFactory.parseString(s.resolved(), ConfigParseOptions.defaults().setOriginDescription(label));
        } catch (ConfigException e) {
            throw parseError(label, e);
        }
        Path baseDir = s.source() != null ? s.source().toAbsolutePath().getParent() : Path.of(".");
        return build(label, s.name(), baseDir, s.source(), withOverrides(label, base, overrides));
    }

    /** A file that exists but cannot be read, in words (no exception class names). */
    static ScenarioException readError(String label, java.io.IOException e) {
        String reason;
        if (e instanceof java.nio.file.AccessDeniedException
                || String.valueOf(e.getMessage()).contains("Permission denied")) {
            reason = "permission denied";
        } else if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason();
        } else {
            reason = e.getMessage() != null ? e.getMessage() : "input/output error";
        }
        return new ScenarioException(label, -1, "", "cannot read: " + reason);
    }

    static ScenarioException parseError(String label, ConfigException e) {
        int line = e.origin() != null ? e.origin().lineNumber() : -1;
        String msg = e.getMessage().replaceFirst("^.*?: \\d+: ", "");
        return new ScenarioException(label, line, "", "not valid HOCON: " + msg);
    }

    static Config withOverrides(String label, Config base, List<String> overrides) {
        return resolve(label, merge(label, base, overrides, "--set"));
    }

    /** Applies {@code key=value} overrides, unresolved; {@code flag} is the command-line flag errors name. */
    private static Config merge(String label, Config base, List<String> overrides, String flag) {
        Config merged = base;
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new ScenarioException(label + " (" + flag + " " + o + ")", -1, "", "expected key.path=value");
            }
            String key = o.substring(0, eq).trim();
            try {
                Config c = ConfigFactory.parseString(key + " = " + o.substring(eq + 1),
                        ConfigParseOptions.defaults().setOriginDescription(flag + " " + key));
                // --set replaces the key's value (objects are not merged as HOCON includes would be), so
                // --set population.init={ point = [0] } swaps the form of the initial condition.
                merged = c.withFallback(merged.withoutPath(key));
            } catch (ConfigException e) {
                throw new ScenarioException(label + " (" + flag + " " + key + ")", -1, key,
                        "not a valid HOCON value: " + e.getMessage().replaceFirst("^.*?: \\d+: ", ""));
            }
        }
        return merged;
    }

    private static Config resolve(String label, Config merged) {
        try {
            return merged.resolve();
        } catch (ConfigException e) {
            throw parseError(label, e);
        }
    }

    private static Scenario build(String label, String defaultName, Path baseDir, Path source, Config config) {
        Section root = new Section(label, "", config.root());
        Map<String, Object> r = new LinkedHashMap<>();
        String name = root.string("name", defaultName, false);
        long seed = root.integer("seed", 0, true, 0, Long.MAX_VALUE);
        String backendKey = root.choice("backend", "auto", List.of("auto", "java", "aparapi-jtp", "aparapi-opencl"));
        int shards = (int) root.integer("shards", Runtime.getRuntime().availableProcessors(), false, 1, 4096);
        String gran = root.choice("granularity", "block", List.of("block", "particle"));
        int blockSize = (int) root.integer("block-size", 4096, false, 1, 1 << 20);
        r.put("name", name);
        r.put("seed", seed);
        r.put("backend", backendKey);
        r.put("shards", shards);
        r.put("granularity", gran);
        r.put("block-size", blockSize);

        PotentialSpec potential = potential(root.section("potential"), baseDir);
        r.put("potential", potential.params());
        int d = potential.potential().dimension();

        Section pop = root.section("population");
        long size = pop.integer("size", 0, true, 1, 2_000_000_000L);
        Section init = pop.section("init");
        InitialCondition ic = initial(init, d);
        pop.rejectUnknown();
        Map<String, Object> popMap = new LinkedHashMap<>();
        popMap.put("size", size);
        popMap.put("init", renderInit(ic));
        r.put("population", popMap);

        Section dyn = root.section("dynamics");
        String type = dyn.choice("type", "overdamped", List.of("overdamped", "underdamped"));
        double beta = dyn.positive("beta", 0, true);
        double dt = dyn.positive("dt", 0, true);
        double friction = dyn.positive("friction", 1.0, false);
        dyn.rejectUnknown();
        LangevinDynamics dynamics = new LangevinDynamics(
                type.equals("underdamped") ? LangevinType.UNDERDAMPED : LangevinType.OVERDAMPED, beta, dt, friction);
        r.put("dynamics", Map.of("type", type, "beta", beta, "dt", dt, "friction", friction));

        Optional<Double> theta = Optional.empty();
        Optional<PairInteraction> pairInteraction = Optional.empty();
        if (root.has("interaction")) {
            Section in = root.section("interaction");
            String it = in.choice("type", "none", List.of("none", "mean-attraction", "pair-kernel"));
            if (it.equals("pair-kernel")) {
                if (d > 2) {
                    throw in.error("type", "expected a 1-D or 2-D potential for pair-kernel interactions, got dimension "
                            + d);
                }
                in.choice("kernel", "gaussian", List.of("gaussian"));
                double strength = in.number("strength", 0, true);
                double width = in.positive("width", 0, true);
                String method = in.choice("method", "grid", List.of("grid", "pairs"));
                Section g = in.section("grid");
                int nodes = (int) g.integer("nodes", 401, false, 3, 100_000);
                double[] gr = g.vector("range", new double[] {-4, 4}, false);
                if (gr.length != 2 || !(gr[0] < gr[1])) {
                    throw g.error("range", "expected [low, high] with low < high");
                }
                g.rejectUnknown();
                pairInteraction = Optional.of(new PairInteraction(strength, width,
                        method.equals("grid") ? PairInteraction.Method.GRID
                                : PairInteraction.Method.PAIRS, gr[0], gr[1], nodes, d));
                Map<String, Object> im = new LinkedHashMap<>();
                im.put("type", it);
                im.put("kernel", "gaussian");
                im.put("strength", strength);
                im.put("width", width);
                im.put("method", method);
                im.put("grid", Map.of("nodes", nodes, "range", List.of(gr[0], gr[1])));
                r.put("interaction", im);
            } else if (it.equals("mean-attraction")) {
                double th = in.number("theta", 0, true);
                if (!(th >= 0) || Double.isInfinite(th)) {
                    throw in.error("theta", "expected a non-negative finite number, got " + th);
                }
                theta = Optional.of(th);
                r.put("interaction", Map.of("type", it, "theta", th));
            } else {
                r.put("interaction", Map.of("type", it));
            }
            in.rejectUnknown();
        }

        Section run = root.section("run");
        double time = run.positive("time", 0, true);
        double reportEvery = run.positive("report-every", time / 200, false);
        if (dynamics.stepsFor(time) < 1) {
            throw run.error("time", "expected at least one time step (dt = " + dt + "), got " + time);
        }
        run.rejectUnknown();
        r.put("run", Map.of("time", time, "report-every", reportEvery));

        Section esc = root.section("escape");
        boolean absorbing = esc.bool("absorbing", true);
        List<TargetSpec> targets = new ArrayList<>();
        List<Object> targetMaps = new ArrayList<>();
        for (Section t : esc.sections("targets")) {
            TargetSpec ts = target(t, d, targets.size());
            for (TargetSpec other : targets) {
                if (other.name().equals(ts.name())) {
                    throw t.error("name", "expected a unique target name, '" + ts.name() + "' is used twice");
                }
            }
            targets.add(ts);
            targetMaps.add(renderTarget(ts));
        }
        esc.rejectUnknown();
        r.put("escape", Map.of("absorbing", absorbing, "targets", targetMaps));

        Section obs = root.section("observe");
        Section hist = obs.section("histogram");
        int bins = (int) hist.integer("bins", 100, false, 1, 100_000);
        Optional<double[][]> range = Optional.empty();
        Map<String, Object> histMap = new LinkedHashMap<>();
        histMap.put("bins", bins);
        if (hist.has("range")) {
            double[][] rg = ranges(hist, d);
            range = Optional.of(rg);
            List<Object> rl = new ArrayList<>();
            for (double[] a : rg) {
                rl.add(List.of(a[0], a[1]));
            }
            histMap.put("range", rl);
        }
        hist.rejectUnknown();
        double[] quantiles = obs.vector("quantiles", new double[] {0.05, 0.25, 0.5, 0.75, 0.95}, false);
        for (double q : quantiles) {
            if (!(q >= 0 && q <= 1)) {
                throw obs.error("quantiles", "expected levels in [0, 1], got " + q);
            }
        }
        boolean switching = obs.bool("switching", false);
        if (switching) {
            // Checked here, not at run time, so the error names the line of the key.
            double mStar = theta.isPresent() && theta.get() > 0
                    ? new org.ensemble.meanfield.DesaiZwanzig(theta.get()).magnetization(beta) : 0;
            if (!(mStar > 0)) {
                throw obs.error("switching", "expected a Desai–Zwanzig scenario above β_c (interaction "
                        + "mean-attraction with theta > 0, m*(β) > 0), got " + (theta.isEmpty() ? "no mean attraction"
                        : "theta = " + theta.get() + ", beta = " + beta));
            }
        }
        obs.rejectUnknown();
        r.put("observe", Map.of("histogram", histMap, "quantiles", toList(quantiles), "switching", switching));
        Optional<PdeSpec> pde = Optional.empty();
        if (root.has("pde")) {
            Section ps = root.section("pde");
            if (d > 2 || type.equals("underdamped")) {
                throw ps.error(null, "expected a 1-D or 2-D overdamped scenario for the PDE comparison (dimension "
                        + d + ", " + type + ")");
            }
            int cells = (int) ps.integer("cells", d == 1 ? 800 : 100, false, 3, d == 1 ? 1_000_000 : 2000);
            double[] lo = new double[d];
            double[] hi = new double[d];
            if (d == 1) {
                double[] rg = ps.vector("range", null, true);
                if (rg.length != 2 || !(rg[0] < rg[1])) {
                    throw ps.error("range", "expected [low, high] with low < high");
                }
                lo[0] = rg[0];
                hi[0] = rg[1];
            } else {
                double[][] rg = ranges(ps, d);
                for (int c = 0; c < d; c++) {
                    lo[c] = rg[c][0];
                    hi[c] = rg[c][1];
                }
            }
            if (d == 2 && ic instanceof UniformInitial) {
                throw ps.error(null, "expected a point or Gaussian population.init for a 2-D PDE comparison (a "
                        + "uniform start is implemented in 1-D only), got uniform");
            }
            double pdt = ps.positive("dt", 0.01, false);
            ps.rejectUnknown();
            pde = Optional.of(new PdeSpec(cells, lo, hi, pdt));
            Object rangeOut = d == 1 ? List.of(lo[0], hi[0]) : List.of(List.of(lo[0], hi[0]), List.of(lo[1], hi[1]));
            r.put("pde", Map.of("cells", cells, "range", rangeOut, "dt", pdt));
        }
        double checkpointEvery = CheckpointSection.parse(root, r);
        // A study block is read by ParticleStudy; each of its points is this scenario without it.
        root.has("study");
        root.rejectUnknown();

        if (gran.equals("particle") && size > 1_000_000) {
            throw root.error("granularity", "expected block for populations above 1e6 particles (one actor per particle"
                    + " runs ~1e3 times slower), got particle with population.size = " + size);
        }
        String resolved = ConfigValueFactory.fromMap(r).render(ConfigRenderOptions.defaults()
                .setOriginComments(false).setJson(false).setFormatted(true));
        return new Scenario(name, source, seed, Backend.parse(backendKey), shards,
                gran.equals("particle") ? Granularity.MEMBER : Granularity.BLOCK, blockSize, size, ic, potential,
                dynamics, theta, pairInteraction, time, reportEvery, absorbing, List.copyOf(targets), bins, range, quantiles, pde, switching,
                checkpointEvery, "# Resolved scenario: every default filled in. Run it again with: ensemble run THIS_FILE\n" + resolved);
    }

    private static List<Double> toList(double[] a) {
        List<Double> l = new ArrayList<>();
        for (double x : a) {
            l.add(x);
        }
        return l;
    }

    static PotentialSpec potential(Section p, Path baseDir) {
        String type = p.choice("type", null, List.of("double-well", "muller-brown", "harmonic", "class"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        Potential pot;
        switch (type) {
            case "double-well" -> {
                double tilt = p.number("tilt", 0, false);
                m.put("tilt", tilt);
                pot = new DoubleWellPotential(tilt);
            }
            case "muller-brown" -> {
                double scale = p.positive("scale", 1, false);
                m.put("scale", scale);
                pot = new MullerBrownPotential(scale);
            }
            case "harmonic" -> {
                double[] k = p.vector("stiffness", null, true);
                double[] c = p.vector("center", new double[k.length], false);
                if (c.length != k.length) {
                    throw p.error("center", "expected " + k.length + " coordinates like stiffness, got " + c.length);
                }
                for (double ki : k) {
                    if (!(ki > 0)) {
                        throw p.error("stiffness", "expected positive stiffnesses, got " + ki);
                    }
                }
                m.put("stiffness", toList(k));
                m.put("center", toList(c));
                pot = new HarmonicPotential(k, c);
            }
            default -> {
                String cls = p.string("class", null, true);
                Map<String, Object> params = p.has("params") ? p.section("params").config().root().unwrapped()
                        : Map.of();
                List<URL> urls = classpath(p, baseDir, m);
                m.put("class", cls);
                m.put("params", params);
                Section ps = p.section("params");
                pot = instantiate(p, cls, Potential.class, new PotentialParams(params, ps::error), urls);
            }
        }
        p.rejectUnknown();
        return new PotentialSpec(type, m, pot);
    }

    /** The section's {@code classpath} entries (relative to baseDir) as URLs; puts their absolute paths into m. */
    static List<URL> classpath(Section p, Path baseDir, Map<String, Object> m) {
        List<URL> urls = new ArrayList<>();
        if (p.has("classpath")) {
            Object cp = p.config().getValue("classpath").unwrapped();
            List<?> entries = cp instanceof List<?> l ? l : List.of(cp);
            List<String> absolute = new ArrayList<>();
            for (Object e : entries) {
                Path path = baseDir.resolve(String.valueOf(e)).toAbsolutePath().normalize();
                absolute.add(path.toString());
                if (!Files.exists(path)) {
                    throw p.error("classpath", "expected existing jars or directories, '" + path + "' not found");
                }
                try {
                    urls.add(path.toUri().toURL());
                } catch (MalformedURLException ex) {
                    throw p.error("classpath", "bad path " + path);
                }
            }
            // Absolute, so the resolved scenario.conf in a run directory still finds the classes.
            m.put("classpath", absolute);
        }
        return urls;
    }

    /** A user class of the given type, built from params as for potentials (PotentialParams, Map or no-argument constructor). */
    static <T> T instantiate(Section p, String cls, Class<T> type, PotentialParams params, List<URL> urls) {
        ClassLoader parent = ScenarioLoader.class.getClassLoader();
        ClassLoader loader = urls.isEmpty() ? parent : new URLClassLoader(urls.toArray(URL[]::new), parent);
        Class<?> c;
        try {
            c = Class.forName(cls, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw p.error("class", "class '" + cls + "' not found on the classpath"
                    + (urls.isEmpty() ? " (add " + p.key("classpath") + " = [\"path/to.jar\"])" : " " + urls));
        }
        if (!type.isAssignableFrom(c)) {
            throw p.error("class", "expected a class implementing " + type.getName() + ", got " + cls);
        }
        try {
            // PotentialParams first (typed getters), then the older Map constructor, then none.
            for (Class<?> arg : List.of(PotentialParams.class, Map.class)) {
                try {
                    return type.cast(c.getConstructor(arg).newInstance(arg == Map.class ? params.asMap() : params));
                } catch (NoSuchMethodException e) {
                    // try the next form
                }
            }
            if (!params.keys().isEmpty()) {
                throw p.error("params", "class " + cls + " has no public constructor taking PotentialParams (or a Map)");
            }
            return type.cast(c.getConstructor().newInstance());
        } catch (NoSuchMethodException e) {
            throw p.error("class", "expected a public no-argument, PotentialParams or Map constructor in " + cls);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ScenarioException se) {
                throw se; // a PotentialParams getter already named the file, line and key
            }
            if (cause instanceof ClassCastException) {
                // A raw cast of a Map value: HOCON hands a = 2, and even a = 2.0, over as an Integer.
                throw p.error("params", "cannot construct " + cls + ": a params value has an unexpected type; take "
                        + PotentialParams.class.getName() + " and read values with getDouble / getInt / "
                        + "getDoubleArray");
            }
            throw p.error("class", "cannot construct " + cls + ": " + cause.getMessage());
        }
    }

    private static InitialCondition initial(Section init, int d) {
        List<String> forms = new ArrayList<>();
        for (String k : List.of("point", "gaussian", "uniform")) {
            if (init.has(k)) {
                forms.add(k);
            }
        }
        if (forms.size() != 1) {
            throw init.error(null, "expected exactly one of point = [..], gaussian { mean, sd }, uniform { low, high }"
                    + (forms.isEmpty() ? "" : ", got " + forms));
        }
        InitialCondition ic;
        switch (forms.get(0)) {
            case "point" -> ic = new PointInitial(dim(init, "point", init.vector("point", null, true), d));
            case "gaussian" -> {
                Section g = init.section("gaussian");
                double[] mean = dim(g, "mean", g.vector("mean", null, true), d);
                double[] sd = dim(g, "sd", g.vector("sd", null, true), d);
                for (double s : sd) {
                    if (!(s >= 0)) {
                        throw g.error("sd", "expected non-negative standard deviations, got " + s);
                    }
                }
                g.rejectUnknown();
                ic = new GaussianInitial(mean, sd);
            }
            default -> {
                Section u = init.section("uniform");
                double[] lo = dim(u, "low", u.vector("low", null, true), d);
                double[] hi = dim(u, "high", u.vector("high", null, true), d);
                for (int c = 0; c < d; c++) {
                    if (!(lo[c] < hi[c])) {
                        throw u.error("high", "expected high > low on every axis");
                    }
                }
                u.rejectUnknown();
                ic = new UniformInitial(lo, hi);
            }
        }
        init.rejectUnknown();
        return ic;
    }

    private static double[] dim(Section s, String k, double[] v, int d) {
        if (v.length != d) {
            throw s.error(k, "expected " + d + " coordinate(s) (the potential's dimension), got " + v.length);
        }
        return v;
    }

    private static Object renderInit(InitialCondition ic) {
        if (ic instanceof PointInitial p) {
            return Map.of("point", toList(p.point()));
        }
        if (ic instanceof GaussianInitial g) {
            return Map.of("gaussian", Map.of("mean", toList(g.mean()), "sd", toList(g.sd())));
        }
        UniformInitial u = (UniformInitial) ic;
        return Map.of("uniform", Map.of("low", toList(u.low()), "high", toList(u.high())));
    }

    private static TargetSpec target(Section t, int d, int index) {
        String name = t.string("name", "target-" + index, false);
        if (!name.matches("[A-Za-z0-9_.-]{1,40}")) {
            throw t.error("name", "expected 1–40 letters, digits, '_', '.', '-', got '" + name + "'");
        }
        List<String> forms = new ArrayList<>();
        for (String k : List.of("half-space", "ball", "basin")) {
            if (t.has(k)) {
                forms.add(k);
            }
        }
        if (forms.size() != 1) {
            throw t.error(null, "expected exactly one of half-space { axis, threshold }, ball { center, radius },"
                    + " basin { minimum, radius }" + (forms.isEmpty() ? "" : ", got " + forms));
        }
        TargetSpec spec;
        switch (forms.get(0)) {
            case "half-space" -> {
                Section h = t.section("half-space");
                int axis = (int) h.integer("axis", 0, d == 1 ? false : true, 0, d - 1);
                double thr = h.number("threshold", 0, true);
                String dir = h.choice("direction", "above", List.of("above", "below"));
                h.rejectUnknown();
                spec = new TargetSpec.HalfSpace(name, axis, thr, dir.equals("above"));
            }
            case "ball" -> {
                Section b = t.section("ball");
                double[] c = dim(b, "center", b.vector("center", null, true), d);
                double radius = b.positive("radius", 0, true);
                b.rejectUnknown();
                spec = new TargetSpec.Ball(name, c, radius);
            }
            default -> {
                Section b = t.section("basin");
                double[] c = dim(b, "minimum", b.vector("minimum", null, true), d);
                double radius = b.positive("radius", 0, true);
                b.rejectUnknown();
                spec = new TargetSpec.Basin(name, c, radius);
            }
        }
        t.rejectUnknown();
        return spec;
    }

    private static Object renderTarget(TargetSpec t) {
        if (t instanceof TargetSpec.HalfSpace h) {
            return Map.of("name", h.name(), "half-space", Map.of("axis", h.axis(), "threshold", h.threshold(),
                    "direction", h.above() ? "above" : "below"));
        }
        if (t instanceof TargetSpec.Ball b) {
            return Map.of("name", b.name(), "ball", Map.of("center", toList(b.center()), "radius", b.radius()));
        }
        TargetSpec.Basin b = (TargetSpec.Basin) t;
        return Map.of("name", b.name(), "basin", Map.of("minimum", toList(b.near()), "radius", b.radius()));
    }

    private static double[][] ranges(Section hist, int d) {
        if (!hist.has("range")) {
            throw hist.error("range", "missing; expected " + d + " pair(s) [[low, high], ...], one per axis");
        }
        Object raw = hist.config().getValue("range").unwrapped();
        if (!(raw instanceof List<?> l) || l.size() != d) {
            throw hist.error("range", "expected " + d + " pair(s) [[low, high], ...], one per axis");
        }
        double[][] out = new double[d][];
        for (int c = 0; c < d; c++) {
            if (!(l.get(c) instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof Number)
                    || !(pair.get(1) instanceof Number)) {
                throw hist.error("range", "expected [low, high] numbers for axis " + c);
            }
            double lo = ((Number) pair.get(0)).doubleValue();
            double hi = ((Number) pair.get(1)).doubleValue();
            if (!(lo < hi)) {
                throw hist.error("range", "expected low < high for axis " + c + ", got [" + lo + ", " + hi + "]");
            }
            out[c] = new double[] {lo, hi};
        }
        return out;
    }

    /**
     * Parses {@code --vary key.path=v1,v2,...} into the key and its HOCON values. Values are split at
     * commas outside brackets, braces and quotes, so {@code population.init.point=[0,0],[1,1]} gives
     * two points. Each value must parse as HOCON; the scenario validates it when loaded.
     */
    public static Map.Entry<String, List<String>> parseVary(String vary) {
        int eq = vary.indexOf('=');
        if (eq <= 0 || vary.substring(eq + 1).isBlank()) {
            throw new IllegalArgumentException("--vary " + vary + ": expected key.path=v1,v2,...");
        }
        String key = vary.substring(0, eq).trim();
        if (!key.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
            throw new IllegalArgumentException("--vary " + key + ": expected a key path like dynamics.beta, got '"
                    + key + "'");
        }
        List<String> values = new ArrayList<>();
        String rest = vary.substring(eq + 1);
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i <= rest.length(); i++) {
            char c = i < rest.length() ? rest.charAt(i) : ',';
            if (quoted) {
                if (c == '"' && rest.charAt(i - 1) != '\\') {
                    quoted = false;
                } else if (i == rest.length()) {
                    throw new IllegalArgumentException("--vary " + key + ": unterminated string in '" + rest + "'");
                }
                continue;
            }
            switch (c) {
                case '"' -> quoted = true;
                case '[', '{' -> depth++;
                case ']', '}' -> {
                    if (--depth < 0) {
                        throw new IllegalArgumentException("--vary " + key + ": unbalanced '" + c + "' in '" + rest
                                + "'");
                    }
                }
                case ',' -> {
                    if (depth == 0) {
                        String v = rest.substring(start, Math.min(i, rest.length())).trim();
                        if (v.isEmpty()) {
                            throw new IllegalArgumentException("--vary " + key + ": empty value in '" + rest + "'");
                        }
                        try {
                            ConfigFactory.parseString("v = " + v);
                        } catch (ConfigException e) {
                            throw new IllegalArgumentException("--vary " + key + ": '" + v + "' is not a HOCON value");
                        }
                        values.add(v);
                        start = i + 1;
                    }
                }
                default -> {
                }
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("--vary " + key + ": unbalanced brackets in '" + rest + "'");
        }
        return Map.entry(key, values);
    }
}
