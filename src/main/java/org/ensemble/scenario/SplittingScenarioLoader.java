package org.ensemble.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.splitting.AmsSpec;
import org.ensemble.splitting.Balls;

/**
 * Reads a rare-escape scenario (a file with a {@code splitting} section) into a
 * {@link SplittingScenario}, with the same one-line errors as {@link ScenarioLoader}: file, line,
 * key path, what was expected.
 */
public final class SplittingScenarioLoader {
    private static final List<String> AXES = List.of("x", "y", "z");

    private SplittingScenarioLoader() {
    }

    /** Whether the file is a splitting scenario (it has a {@code splitting} section). */
    public static boolean isSplitting(Path file) {
        return ScenarioLoader.hasSection(file, "splitting");
    }

    public static SplittingScenario load(Path file, List<String> overrides) {
        String label = file.toString();
        Config base = ScenarioLoader.parseFile(file);
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return build(label, name, file.toAbsolutePath().getParent(), file,
                ScenarioLoader.withOverrides(label, base, overrides));
    }

    /** A scenario from its text (e.g. a run's resolved scenario, as a shard's recipe carries it). */
    public static SplittingScenario loadString(String hocon, String originName) {
        Config base = ScenarioLoader.parseString(hocon, originName);
        return build(originName, "splitting", Path.of("."), null, base);
    }

    static SplittingScenario reload(SplittingScenario s, List<String> overrides) {
        String label = s.source() != null ? s.source().toString() : s.name();
        Config base = ScenarioLoader.parseString(s.resolved(), label);
        Path dir = s.source() != null ? s.source().toAbsolutePath().getParent() : Path.of(".");
        return build(label, s.name(), dir, s.source(), ScenarioLoader.withOverrides(label, base, overrides));
    }

    private static SplittingScenario build(String label, String defaultName, Path baseDir, Path source, Config config) {
        Section root = new Section(label, "", config.root());
        Map<String, Object> r = new LinkedHashMap<>();
        String name = root.string("name", defaultName, false);
        long seed = root.integer("seed", 0, true, 0, Long.MAX_VALUE);
        int shards = (int) root.integer("shards", Runtime.getRuntime().availableProcessors(), false, 1, 4096);
        int blockSize = (int) root.integer("block-size", 64, false, 1, 1 << 20);
        r.put("name", name);
        r.put("seed", seed);
        r.put("shards", shards);
        r.put("block-size", blockSize);

        PotentialSpec potential = ScenarioLoader.potential(root.section("potential"), baseDir);
        r.put("potential", potential.params());
        int d = potential.potential().dimension();

        Section dyn = root.section("dynamics");
        dyn.choice("type", "overdamped", List.of("overdamped"));
        double[] betas = dyn.vector("beta", null, true);
        for (double b : betas) {
            if (!(b > 0)) {
                throw dyn.error("beta", "expected positive inverse temperatures, got " + b);
            }
        }
        if (betas.length == 0) {
            throw dyn.error("beta", "expected a number or a non-empty list of numbers");
        }
        double dt = dyn.positive("dt", 0, true);
        dyn.rejectUnknown();
        r.put("dynamics", Map.of("type", "overdamped", "beta", toList(betas), "dt", dt));

        Section sp = root.section("splitting");
        String method = sp.choice("method", "ams", List.of("ams", "ffs"));
        boolean ams = method.equals("ams");
        int n = ams ? (int) sp.integer("replicas", 0, true, 2, 10_000_000)
                : (int) sp.integer("trials", 200, false, 2, (1 << 24) - 1);
        int k = ams ? (int) sp.integer("kill", 1, false, 1, Integer.MAX_VALUE) : 1;
        if (k >= n) {
            throw sp.error("kill", "expected fewer than replicas = " + n + " (k ≥ n would kill every replica), got " + k);
        }
        int runs = (int) sp.integer("runs", 20, false, 2, 1_000_000);
        boolean ballSets = isObject(config, "splitting.a") || isObject(config, "splitting.b");
        String coordinate = sp.string("coordinate", ballSets ? "distance" : "x", false);
        int axis = coordinate.equals("distance") && ballSets ? Balls.DISTANCE : AXES.indexOf(coordinate);
        if (axis == -1 && !coordinate.equals("distance") || axis >= d) {
            throw sp.error("coordinate", "expected one of " + AXES.subList(0, Math.min(d, 3))
                    + (ballSets ? " or distance (to A's centre)" : "") + " (a coordinate of the " + d
                    + "-D potential), got '" + coordinate + "'");
        }
        if (axis == Balls.DISTANCE && !ballSets) {
            throw sp.error("coordinate", "expected x, y or z: coordinate = distance needs balls a { center, radius }"
                    + " and b { center, radius }");
        }
        double a;
        double b;
        Balls balls = null;
        double[] start;
        Map<String, Object> resolvedA;
        Map<String, Object> resolvedB;
        if (ballSets) {
            Section sa = ball(sp, config, "a", d);
            Section sb = ball(sp, config, "b", d);
            double[] ca = sa.vector("center", null, true);
            double ra = sa.positive("radius", 0, true);
            double[] cb = sb.vector("center", null, true);
            double rb = sb.positive("radius", 0, true);
            sa.rejectUnknown();
            sb.rejectUnknown();
            double gap = Balls.distance(ca, cb);
            if (gap + rb <= ra) {
                throw sp.error("b", "expected B outside A, but the ball B lies inside the ball A");
            }
            if (gap <= ra + rb) {
                throw sp.error("b", "expected balls A and B apart, but they overlap: centres " + gap + " apart,"
                        + " radii " + ra + " + " + rb);
            }
            if (axis >= 0 && !(ca[axis] + ra < cb[axis] - rb)) {
                throw sp.error("coordinate", "expected ξ = " + coordinate + " to increase from A to B: its largest"
                        + " value on A, " + (ca[axis] + ra) + ", must lie below its smallest on B, " + (cb[axis] - rb));
            }
            balls = new Balls(ca, ra, cb, rb, axis);
            start = sp.vector("start", null, true);
            if (start.length != d) {
                throw sp.error("start", "expected " + d + " coordinates, got " + start.length);
            }
            if (balls.inA(start) || balls.inB(start)) {
                throw sp.error("start", "expected a point outside A and B, got " + java.util.Arrays.toString(start)
                        + " (in " + (balls.inA(start) ? "A" : "B") + ")");
            }
            a = balls.levelOfA();
            b = balls.levelOfB();
            resolvedA = Map.of("center", toList(ca), "radius", ra);
            resolvedB = Map.of("center", toList(cb), "radius", rb);
        } else {
            a = sp.number("a", 0, true);
            b = sp.number("b", 0, true);
            if (!(b > a)) {
                throw sp.error("b", "expected b > a = " + a + ": ξ = " + coordinate + " must increase from A (ξ ≤ a) to B"
                        + " (ξ ≥ b), and B must not lie inside A; got " + b);
            }
            start = sp.vector("start", null, true);
            if (start.length != d) {
                throw sp.error("start", "expected " + d + " coordinates, got " + start.length);
            }
            if (!(start[axis] > a && start[axis] < b)) {
                throw sp.error("start", "expected ξ = " + coordinate + " strictly between a = " + a + " and b = " + b
                        + ", got " + start[axis]);
            }
            resolvedA = null;
            resolvedB = null;
        }
        if (ballSets && !ams) {
            throw sp.error("method", "expected ams: forward flux sampling needs half-spaces a and b (numbers)");
        }
        SplittingScenario.Ffs ffs = null;
        if (!ams) {
            double[] lambdas;
            if (sp.has("interfaces")) {
                lambdas = sp.vector("interfaces", null, true);
            } else {
                int m = (int) sp.integer("interface-count", 19, false, 1, 100_000);
                lambdas = new double[m];
                for (int i = 0; i < m; i++) {
                    lambdas[i] = i == m - 1 ? b : start[axis] + (b - start[axis]) * (i + 1) / m;
                }
            }
            double previous = start[axis];
            for (double l : lambdas) {
                if (!(l > previous)) {
                    throw sp.error(sp.has("interfaces") ? "interfaces" : "interface-count", "expected interfaces"
                            + " increasing from ξ(start) = " + start[axis] + " to b = " + b);
                }
                previous = l;
            }
            if (lambdas.length == 0 || lambdas[lambdas.length - 1] != b) {
                throw sp.error("interfaces", "expected the last interface to be b = " + b);
            }
            ffs = new SplittingScenario.Ffs(lambdas, n);
        }
        int[] study = new int[0];
        if (sp.has("replica-study")) {
            double[] counts = sp.vector("replica-study", null, true);
            study = new int[counts.length];
            for (int i = 0; i < counts.length; i++) {
                if (!ams || counts[i] != Math.rint(counts[i]) || counts[i] <= k || counts[i] > 10_000_000) {
                    throw sp.error("replica-study", ams ? "expected whole replica counts above kill = " + k + ", got "
                            + counts[i] : "expected no replica study with method = ffs");
                }
                study[i] = (int) counts[i];
            }
        }
        boolean bridge = sp.bool("bridge", true);
        int saveReactive = (int) sp.integer("save-reactive", 0, false, 0, 1_000_000);
        if (saveReactive > 0 && !ams) {
            throw sp.error("save-reactive", "expected 0: reactive trajectories are kept by AMS only, not FFS");
        }
        double maxTime = sp.positive("max-time", 1e4, false);
        sp.rejectUnknown();
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("method", method);
        if (ams) {
            sm.put("replicas", n);
            sm.put("kill", k);
        } else {
            sm.put("trials", n);
            sm.put("interfaces", toList(ffs.interfaces()));
        }
        sm.put("runs", runs);
        if (study.length > 0) {
            List<Integer> l = new ArrayList<>();
            for (int c : study) {
                l.add(c);
            }
            sm.put("replica-study", l);
        }
        sm.put("start", toList(start));
        sm.put("a", ballSets ? resolvedA : a);
        sm.put("b", ballSets ? resolvedB : b);
        sm.put("coordinate", coordinate);
        sm.put("bridge", bridge);
        sm.put("max-time", maxTime);
        sm.put("save-reactive", saveReactive);
        r.put("splitting", sm);
        if ((long) runs * betas.length * n > Integer.MAX_VALUE) {
            throw sp.error("runs", "expected runs × replicas × number of β below 2^31");
        }

        SplittingScenario.Flux flux = null;
        if (root.has("mfpt")) {
            Section mf = root.section("mfpt");
            if (!ams) {
                throw mf.error("from", "the mfpt section needs splitting.method = ams (AMS from the entry points)");
            }
            if (study.length > 0) {
                throw mf.error("from", "the mfpt section cannot be combined with splitting.replica-study");
            }
            if (ballSets) {
                throw mf.error("from", "the mfpt section needs half-spaces a and b (numbers), not balls");
            }
            double[] from = mf.vector("from", null, true);
            if (from.length != d || !(from[axis] <= a)) {
                throw mf.error("from", "expected " + d + " coordinates with ξ = " + coordinate + " ≤ a = " + a
                        + " (a point in A)");
            }
            int particles = (int) mf.integer("particles", 100, false, 1, 10_000_000);
            double time = mf.positive("time", 0, true);
            mf.rejectUnknown();
            flux = new SplittingScenario.Flux(from, particles, time);
            r.put("mfpt", Map.of("from", toList(from), "particles", particles, "time", time));
        }

        SplittingScenario.Grid grid = null;
        if (root.has("committor")) {
            Section cs = root.section("committor");
            if (!ballSets || d != 2) {
                throw cs.error("cells", "the committor grid is for a 2-D potential with balls a and b");
            }
            double[] low = cs.vector("low", null, true);
            double[] high = cs.vector("high", null, true);
            if (low.length != 2 || high.length != 2 || !(high[0] > low[0]) || !(high[1] > low[1])) {
                throw cs.error("high", "expected low = [x0, y0] and high = [x1, y1] with x1 > x0, y1 > y0");
            }
            for (double[] c : new double[][] {balls.centreA(), balls.centreB(), start}) {
                if (c[0] <= low[0] || c[0] >= high[0] || c[1] <= low[1] || c[1] >= high[1]) {
                    throw cs.error("low", "expected the box to contain A's and B's centres and the start, which "
                            + java.util.Arrays.toString(c) + " is not in");
                }
            }
            int cells = (int) cs.integer("cells", 160, false, 8, 1000);
            // The error estimate solves at cells / 2 too: each ball must hold cell centres there as well.
            double halfDiagonal = Math.hypot(high[0] - low[0], high[1] - low[1]) / (cells / 2) / 2;
            if (!(halfDiagonal < Math.min(balls.radiusA(), balls.radiusB()))) {
                throw cs.error("cells", "expected enough cells that the balls hold cell centres on the half grid"
                        + " (cells / 2 = " + cells / 2 + " leaves half-diagonals of " + halfDiagonal
                        + " against radius " + Math.min(balls.radiusA(), balls.radiusB()) + "), got " + cells);
            }
            cs.rejectUnknown();
            grid = new SplittingScenario.Grid(low, high, cells);
            r.put("committor", Map.of("low", toList(low), "high", toList(high), "cells", cells));
        }
        double checkpointEvery = CheckpointSection.parse(root, r);
        root.rejectUnknown();
        long maxSteps = Math.max(1, Math.round(maxTime / dt));
        AmsSpec spec = ballSets ? AmsSpec.ofBalls(potential.potential(), betas, dt, seed, n, k, runs, start, balls,
                bridge, maxSteps, shards, blockSize)
                : new AmsSpec(potential.potential(), betas, dt, seed, n, k, runs, start, axis, a, b, bridge, maxSteps,
                shards, blockSize);
        String resolved = ConfigValueFactory.fromMap(r).render(ConfigRenderOptions.defaults()
                .setOriginComments(false).setJson(false).setFormatted(true));
        return new SplittingScenario(name, source, seed, shards, potential.type(), spec, coordinate, flux,
                ffs, study, checkpointEvery, grid, saveReactive,
                "# Resolved splitting scenario: every default filled in. Run it again with: ensemble run THIS_FILE\n"
                        + resolved);
    }

    private static boolean isObject(Config config, String path) {
        return config.hasPath(path) && config.getValue(path).valueType() == ConfigValueType.OBJECT;
    }

    /** Ball {@code key} of the splitting section: both a and b must then be balls of dimension d. */
    private static Section ball(Section sp, Config config, String key, int d) {
        if (!isObject(config, "splitting." + key)) {
            throw sp.error(key, "expected a ball { center = [...], radius = r } like the other set, or both numbers");
        }
        Section s = sp.section(key);
        double[] c = s.vector("center", null, true);
        if (c.length != d) {
            throw s.error("center", "expected " + d + " coordinates, got " + c.length);
        }
        return s;
    }

    private static List<Double> toList(double[] a) {
        List<Double> l = new ArrayList<>();
        for (double x : a) {
            l.add(x);
        }
        return l;
    }
}
