package org.ensemble.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.ensemble.step.Granularity;
import org.ensemble.dynamics.LangevinDynamics;
import org.ensemble.dynamics.LangevinType;
import org.ensemble.kernel.Backend;
import org.ensemble.population.GaussianInitial;
import org.ensemble.population.PointInitial;
import org.ensemble.population.UniformInitial;
import org.ensemble.potential.DoubleWellPotential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioLoaderTest {
    /** A small valid scenario; line numbers matter to the error tests. */
    static final String BASE = String.join("\n",
            "seed = 1",                                                          // 1
            "population {",                                                      // 2
            "  size = 100",                                                      // 3
            "  init { point = [-1.0] }",                                         // 4
            "}",                                                                 // 5
            "potential { type = double-well }",                                  // 6
            "dynamics {",                                                        // 7
            "  type = overdamped",                                               // 8
            "  beta = 4",                                                        // 9
            "  dt = 1e-3",                                                       // 10
            "}",                                                                 // 11
            "run { time = 1 }",                                                  // 12
            "escape {",                                                          // 13
            "  targets = [",                                                     // 14
            "    { name = right, half-space { axis = 0, threshold = 1.0 } }",   // 15
            "  ]",                                                               // 16
            "}",                                                                 // 17
            "");

    private static Scenario load(String text, String... overrides) {
        return ScenarioLoader.loadString(text, "t.conf", List.of(overrides));
    }

    private static String error(String text, String... overrides) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load(text, overrides));
        assertFalse(e.getMessage().contains("\n"), "one line expected: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void defaultsAreFilledIn() {
        Scenario s = load(BASE);
        assertEquals("t", s.name());
        assertEquals(1, s.seed());
        assertEquals(Backend.parse("auto"), s.backend());
        assertEquals(Runtime.getRuntime().availableProcessors(), s.shards());
        assertEquals(Granularity.BLOCK, s.granularity());
        assertEquals(4096, s.blockSize());
        assertEquals(100, s.populationSize());
        assertArrayEquals(new double[] {-1.0}, ((PointInitial) s.init()).point());
        assertInstanceOf(DoubleWellPotential.class, s.potential().potential());
        assertEquals(LangevinDynamics.overdamped(4, 1e-3), s.dynamics());
        assertEquals(Optional.empty(), s.meanAttraction());
        assertEquals(1.0, s.runTime());
        assertEquals(1.0 / 200, s.reportEvery());
        assertTrue(s.absorbing());
        assertEquals(List.of("right"), s.targets().stream().map(TargetSpec::name).toList());
        TargetSpec.HalfSpace h = (TargetSpec.HalfSpace) s.targets().get(0);
        assertEquals(0, h.axis());
        assertEquals(1.0, h.threshold());
        assertTrue(h.above());
        assertEquals(100, s.histogramBins());
        assertTrue(s.histogramRange().isEmpty());
        assertArrayEquals(new double[] {0.05, 0.25, 0.5, 0.75, 0.95}, s.quantiles());
        assertEquals(1000, s.totalSteps());
        assertEquals(5, s.reportEverySteps());
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("unknown key at top level", BASE + "bogus = 3\n", new String[0],
                        "t.conf:18: bogus: unknown key; known keys here: backend, block-size, checkpoint, dynamics,"
                                + " escape, granularity, interaction, name, observe, pde, population, potential, run, seed, "
                                + "shards"),
                Arguments.of("checkpoint interval not positive", BASE + "checkpoint { every = 0 }\n", new String[0],
                        "t.conf:18: checkpoint.every: expected a positive finite number, got 0"),
                Arguments.of("checkpoint interval NaN", BASE + "checkpoint { every = NaN }\n", new String[0],
                        "t.conf:18: checkpoint.every: expected a finite number, got NaN"),
                Arguments.of("checkpoint interval missing", BASE + "checkpoint { }\n", new String[0],
                        "t.conf:18: checkpoint.every: missing"),
                Arguments.of("unknown key in checkpoint", BASE + "checkpoint { every = 1, evrey = 2 }\n",
                        new String[0], "t.conf:18: checkpoint.evrey: unknown key; known keys here: every"),
                Arguments.of("unknown key nested", BASE.replace("beta = 4", "beta = 4\n  betta = 4"), new String[0],
                        "t.conf:10: dynamics.betta: unknown key; known keys here: beta, dt, friction, type"),
                Arguments.of("unknown key deep in a list", BASE.replace("threshold = 1.0", "threshold = 1.0, side = 2"),
                        new String[0], "t.conf:15: escape.targets[0].half-space.side: unknown key; known keys here: "
                                + "axis, direction, threshold"),
                Arguments.of("wrong type", BASE.replace("beta = 4", "beta = hot"), new String[0],
                        "t.conf:9: dynamics.beta: expected a number, got string \"hot\""),
                Arguments.of("object expected", BASE.replace("run { time = 1 }", "run = 1"), new String[0],
                        "t.conf:12: run: expected an object { ... }, got number 1"),
                Arguments.of("negative dt", BASE.replace("dt = 1e-3", "dt = -1e-3"), new String[0],
                        "t.conf:10: dynamics.dt: expected a positive finite number, got -0.001"),
                Arguments.of("zero beta", BASE.replace("beta = 4", "beta = 0"), new String[0],
                        "t.conf:9: dynamics.beta: expected a positive finite number, got 0.0"),
                Arguments.of("missing beta", BASE.replace("beta = 4", ""), new String[0],
                        "t.conf:7: dynamics.beta: missing; expected a number"), // the line of dynamics { }
                Arguments.of("population size 0", BASE.replace("size = 100", "size = 0"), new String[0],
                        "t.conf:3: population.size: expected an integer in [1, 2000000000], got 0"),
                Arguments.of("fractional size", BASE.replace("size = 100", "size = 1.5"), new String[0],
                        "t.conf:3: population.size: expected an integer, got 1.5"),
                Arguments.of("shards 0", "shards = 0\n" + BASE, new String[0],
                        "t.conf:1: shards: expected an integer in [1, 4096], got 0"),
                Arguments.of("block size too big", "block-size = 2000000\n" + BASE, new String[0],
                        "t.conf:1: block-size: expected an integer in [1, 1048576], got 2000000"),
                Arguments.of("bad backend", "backend = cuda\n" + BASE, new String[0],
                        "t.conf:1: backend: expected one of auto, java, aparapi-jtp, aparapi-opencl, got 'cuda'"),
                Arguments.of("bins 0", BASE + "observe.histogram.bins = 0\n", new String[0],
                        "t.conf:18: observe.histogram.bins: expected an integer in [1, 100000], got 0"),
                Arguments.of("range low >= high", BASE + "observe.histogram.range = [[2, -2]]\n", new String[0],
                        "t.conf:18: observe.histogram.range: expected low < high for axis 0, got [2.0, -2.0]"),
                Arguments.of("range per axis", BASE + "observe.histogram.range = [[-2, 2], [-2, 2]]\n",
                        new String[0], "t.conf:18: observe.histogram.range: expected 1 pair(s) [[low, high], ...]"),
                Arguments.of("missing potential class",
                        BASE.replace("type = double-well", "type = class, class = \"x.Y\""), new String[0],
                        "t.conf:6: potential.class: class 'x.Y' not found on the classpath"),
                Arguments.of("class not a potential",
                        BASE.replace("type = double-well", "type = class, class = \"java.lang.String\""),
                        new String[0], "t.conf:6: potential.class: expected a class implementing "
                                + "org.ensemble.potential.Potential, got java.lang.String"),
                Arguments.of("dimension mismatch of the init point", BASE.replace("[-1.0]", "[-1.0, 0]"),
                        new String[0], "t.conf:4: population.init.point: expected 1 coordinate(s) (the potential's "
                                + "dimension), got 2"),
                Arguments.of("dimension mismatch of a ball center",
                        BASE.replace("half-space { axis = 0, threshold = 1.0 }", "ball { center = [1, 0], radius = 1 }"),
                        new String[0], "t.conf:15: escape.targets[0].ball.center: expected 1 coordinate(s)"),
                Arguments.of("harmonic center vs stiffness",
                        BASE.replace("type = double-well", "type = harmonic, stiffness = [1], center = [0, 0]"),
                        new String[0], "t.conf:6: potential.center: expected 1 coordinates like stiffness, got 2"),
                Arguments.of("axis beyond the dimension",
                        BASE.replace("axis = 0", "axis = 1"), new String[0],
                        "t.conf:15: escape.targets[0].half-space.axis: expected an integer in [0, 0], got 1"),
                Arguments.of("duplicate target names",
                        BASE.replace("threshold = 1.0 } }", "threshold = 1.0 } },\n"
                                + "    { name = right, half-space { axis = 0, threshold = 2.0 } }"), new String[0],
                        "t.conf:16: escape.targets[1].name: expected a unique target name, 'right' is used twice"),
                Arguments.of("two init forms", BASE.replace("point = [-1.0]", "point = [-1.0], uniform { low = [0], "
                        + "high = [1] }"), new String[0], "t.conf:4: population.init: expected exactly one of"),
                Arguments.of("override without '='", BASE, new String[] {"dynamics.beta"},
                        "t.conf (--set dynamics.beta): expected key.path=value"),
                Arguments.of("override of an unknown key", BASE, new String[] {"dynamics.betta=3"},
                        "t.conf (--set dynamics.betta): dynamics.betta: unknown key; known keys here: beta, dt, "
                                + "friction, type"),
                Arguments.of("override that is not HOCON", BASE, new String[] {"dynamics.beta=[1,"},
                        "t.conf (--set dynamics.beta): dynamics.beta: not a valid HOCON value"),
                Arguments.of("override of the wrong type", BASE, new String[] {"dynamics.beta=hot"},
                        "t.conf (--set dynamics.beta): dynamics.beta: expected a number, got string \"hot\""),
                Arguments.of("override with a dimension mismatch", BASE, new String[] {"population.init.point=[0, 1]"},
                        "t.conf (--set population.init.point): population.init.point: expected 1 coordinate(s)"),
                Arguments.of("not HOCON", BASE + "dynamics { \n", new String[0], "t.conf:19: not valid HOCON"),
                Arguments.of("NaN tilt", BASE.replace("type = double-well", "type = double-well, tilt = NaN"),
                        new String[0], "t.conf:6: potential.tilt: expected a finite number, got NaN"),
                Arguments.of("Infinity threshold", BASE.replace("threshold = 1.0", "threshold = Infinity"),
                        new String[0], "t.conf:15: escape.targets[0].half-space.threshold: expected a finite number, "
                                + "got Infinity"),
                Arguments.of("-Infinity threshold", BASE.replace("threshold = 1.0", "threshold = \"-Infinity\""),
                        new String[0], "t.conf:15: escape.targets[0].half-space.threshold: expected a finite number, "
                                + "got -Infinity"),
                Arguments.of("NaN dt", BASE.replace("dt = 1e-3", "dt = NaN"), new String[0],
                        "t.conf:10: dynamics.dt: expected a finite number, got NaN"),
                Arguments.of("NaN interaction strength", BASE + "interaction { type = pair-kernel, strength = NaN, "
                        + "width = 0.5 }\n", new String[0],
                        "t.conf:18: interaction.strength: expected a finite number, got NaN"),
                Arguments.of("Infinity theta", BASE + "interaction { type = mean-attraction, theta = Infinity }\n",
                        new String[0], "t.conf:18: interaction.theta: expected a finite number, got Infinity"),
                Arguments.of("pair kernel width 0", BASE + "interaction { type = pair-kernel, strength = 1, "
                        + "width = 0 }\n", new String[0],
                        "t.conf:18: interaction.width: expected a positive finite number, got 0.0"),
                Arguments.of("pair kernel strength Infinity", BASE + "interaction { type = pair-kernel, "
                        + "strength = Infinity, width = 0.5 }\n", new String[0],
                        "t.conf:18: interaction.strength: expected a finite number, got Infinity"),
                Arguments.of("switching without mean attraction", BASE + "observe { switching = true }\n",
                        new String[0], "t.conf:18: observe.switching: expected a Desai–Zwanzig scenario above β_c"),
                Arguments.of("switching below the critical beta", BASE.replace("beta = 4", "beta = 1")
                        + "interaction { type = mean-attraction, theta = 1 }\nobserve { switching = true }\n",
                        new String[0], "t.conf:19: observe.switching: expected a Desai–Zwanzig scenario above β_c "
                                + "(interaction mean-attraction with theta > 0, m*(β) > 0), got theta = 1.0, beta = 1.0"),
                Arguments.of("uniform start for a 2-D pde", BASE.replace("type = double-well",
                                "type = harmonic, stiffness = [1, 1]")
                        .replace("point = [-1.0]", "uniform { low = [-1, -1], high = [0, 0] }")
                        + "pde { range = [[-3, 3], [-3, 3]] }\n", new String[0],
                        "t.conf:18: pde: expected a point or Gaussian population.init for a 2-D PDE comparison"),
                Arguments.of("NaN tilt by --set", BASE, new String[] {"potential.tilt=NaN"},
                        "t.conf (--set potential.tilt): potential.tilt: expected a finite number, got NaN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputGivesOneLineNamingFileLineAndKey(String what, String text, String[] overrides, String expected) {
        String message = error(text, overrides);
        assertTrue(message.startsWith(expected), "expected '" + expected + "' at the start of: " + message);
    }

    @Test
    void exceptionCarriesFileAndKeyPath() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> load(BASE.replace("dt = 1e-3", "dt = -1")));
        assertEquals("t.conf", e.file());
        assertEquals("dynamics.dt", e.keyPath());
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.conf");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(missing, List.of()));
        assertEquals(missing + ": file not found", e.getMessage());
    }

    @Test
    void unreadableFileSaysPermissionDenied(@TempDir Path dir) throws IOException {
        // How the JDK reports it (AccessDeniedException from NIO, FileNotFoundException from java.io).
        assertEquals("s.conf: cannot read: permission denied", ScenarioLoader.readError("s.conf",
                new java.nio.file.AccessDeniedException("s.conf")).getMessage());
        assertEquals("s.conf: cannot read: permission denied", ScenarioLoader.readError("s.conf",
                new java.io.FileNotFoundException("s.conf (Permission denied)")).getMessage());
        Path f = dir.resolve("locked.conf");
        Files.writeString(f, BASE);
        Files.setPosixFilePermissions(f, java.util.Set.of());
        // Root reads it anyway; the end-to-end check runs only where the permission bites.
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(f), "running as root");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f, List.of()));
        assertEquals(f + ": cannot read: permission denied", e.getMessage());
    }

    @Test
    void fileErrorsNameTheFileAndLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.conf");
        Files.writeString(f, BASE.replace("beta = 4", "beta = 4\n  betta = 4"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f, List.of()));
        assertTrue(e.getMessage().startsWith(f + ":10: dynamics.betta: unknown key"), e.getMessage());
        Path good = dir.resolve("my-run.v2.conf");
        Files.writeString(good, BASE);
        assertEquals("my-run.v2", ScenarioLoader.load(good, List.of()).name()); // the file name less its extension
        assertEquals(good, ScenarioLoader.load(good, List.of()).source());
    }

    @Test
    void overridesReplaceValues() {
        Scenario s = load(BASE, "dynamics.beta=3", "population.init={ uniform { low = [-2], high = [0] } }",
                "backend=java");
        assertEquals(3.0, s.dynamics().beta());
        UniformInitial u = (UniformInitial) s.init();
        assertArrayEquals(new double[] {-2}, u.low());
        assertArrayEquals(new double[] {0}, u.high());
        assertEquals(Backend.parse("java"), s.backend());
    }

    @Test
    void withOverridesReloadsTheResolvedScenario() {
        Scenario s = load(BASE, "dynamics.beta=3");
        Scenario t = s.withOverrides(List.of("dynamics.dt=2e-3"));
        assertEquals(3.0, t.dynamics().beta());
        assertEquals(2e-3, t.dynamics().dt());
        assertEquals(s.name(), t.name());
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> s.withOverrides(List.of("dynamics.dt=-1")));
        assertTrue(e.getMessage().startsWith("t (--set dynamics.dt): dynamics.dt: expected a positive finite number"),
                e.getMessage());
    }

    @Test
    void userPotentialWithMapConstructorGetsItsParams() {
        Scenario s = load(BASE.replace("type = double-well", "type = class, class = \""
                        + QuadraticTestPotential.class.getName() + "\", params { k = 2.5, dimension = 2, center = [1, -1] }")
                .replace("[-1.0]", "[0, 0]")
                .replace("half-space { axis = 0, threshold = 1.0 }", "ball { center = [1, -1], radius = 0.1 }"));
        QuadraticTestPotential p = (QuadraticTestPotential) s.potential().potential();
        assertEquals(2.5, p.stiffness());
        assertArrayEquals(new double[] {1, -1}, p.center());
        assertEquals(2, s.dimension());
        assertEquals(2.5, p.energy(new double[] {0, 0}), 1e-15);
        assertEquals("class", s.potential().type());
    }

    private static String userClass(Class<?> c, String params) {
        return BASE.replace("type = double-well", "type = class, class = \"" + c.getName() + "\", params { "
                + params + " }");
    }

    @Test
    void userPotentialWithTypedParamsTakesIntegersAsDoubles() {
        // HOCON hands a = 2.0 over as an Integer; getDouble converts.
        TypedParamsTestPotential p = (TypedParamsTestPotential) load(userClass(TypedParamsTestPotential.class,
                "a = 2.0")).potential().potential();
        assertEquals(2.0, p.a);
        assertEquals(1, p.dimension);
        assertArrayEquals(new double[] {0}, p.center);
        TypedParamsTestPotential q = (TypedParamsTestPotential) load(userClass(TypedParamsTestPotential.class,
                "a = 2.5, center = [1]")).potential().potential();
        assertEquals(2.5, q.a);
        assertArrayEquals(new double[] {1}, q.center);
    }

    @Test
    void userPotentialParamErrorsNameFileLineAndKey() {
        assertEquals("t.conf:6: potential.params.a: expected a number, got \"x\"",
                error(userClass(TypedParamsTestPotential.class, "a = x")));
        assertEquals("t.conf:6: potential.params.a: expected a finite number, got NaN",
                error(userClass(TypedParamsTestPotential.class, "a = NaN")));
        assertEquals("t.conf:6: potential.params.dimension: expected an integer, got 1.5",
                error(userClass(TypedParamsTestPotential.class, "a = 1, dimension = 1.5")));
        assertEquals("t.conf:6: potential.params.center: element 0: expected a number, got \"y\"",
                error(userClass(TypedParamsTestPotential.class, "a = 1, center = [y]")));
        assertTrue(error(userClass(TypedParamsTestPotential.class, "b = 1"))
                .startsWith("t.conf:6: potential.params.a: missing; expected a number"));
    }

    @Test
    void mapConstructorCastingAnIntegerIsOneLineWithoutExceptionNames() {
        // Backward compatible: a Map constructor still gets the raw values ...
        assertEquals(2.5, ((CastingTestPotential) load(userClass(CastingTestPotential.class, "a = 2.5"))
                .potential().potential()).a);
        // ... and a raw (Double) cast of a = 2.0, which HOCON hands over as an Integer, says what to do
        // instead of a ClassCastException.
        String message = error(userClass(CastingTestPotential.class, "a = 2.0"));
        assertTrue(message.startsWith("t.conf:6: potential.params: cannot construct " + CastingTestPotential.class
                .getName() + ": a params value has an unexpected type; take org.ensemble.potential.PotentialParams"),
                message);
        assertFalse(message.contains("Exception") || message.contains("java.lang"), message);
    }

    @Test
    void userPotentialConstructorFailureIsOneLine() {
        String message = error(BASE.replace("type = double-well", "type = class, class = \""
                + QuadraticTestPotential.class.getName() + "\", params { dimension = 1, center = [1, 2] }"));
        assertTrue(message.startsWith("t.conf:6: potential.class: cannot construct "
                + QuadraticTestPotential.class.getName() + ": center has 2 coordinates, dimension is 1"), message);
    }

    @Test
    void userPotentialFromAClasspathDirectory(@TempDir Path dir) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path src = dir.resolve("src/userpot/Flat.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package userpot;\n"
                + "public class Flat implements org.ensemble.potential.Potential {\n"
                + "  public int dimension() { return 1; }\n"
                + "  public double energy(double[] x) { return 7; }\n"
                + "  public void gradient(double[] x, double[] g) { g[0] = 0; }\n"
                + "}\n");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                src.toString());
        assertEquals(0, rc);
        Path conf = dir.resolve("user.conf");
        String text = BASE.replace("type = double-well", "type = class, class = userpot.Flat, classpath = [classes]");
        Files.writeString(conf, text);
        Scenario s = ScenarioLoader.load(conf, List.of());
        assertEquals("userpot.Flat", s.potential().potential().getClass().getName());
        assertEquals(7.0, s.potential().potential().energy(new double[] {0}));
        // The resolved text names the classpath absolutely, so it loads from anywhere.
        Scenario again = ScenarioLoader.loadString(s.render(), "elsewhere.conf");
        assertEquals(7.0, again.potential().potential().energy(new double[] {0}));
        // Without the classpath the class is not found.
        String message = error(BASE.replace("type = double-well", "type = class, class = userpot.Flat"));
        assertTrue(message.startsWith("t.conf:6: potential.class: class 'userpot.Flat' not found on the classpath"),
                message);
        String missingDir = error(BASE.replace("type = double-well",
                "type = class, class = userpot.Flat, classpath = [\"" + dir.resolve("nowhere") + "\"]"));
        assertTrue(missingDir.startsWith("t.conf:6: potential.classpath: expected existing jars or directories"),
                missingDir);
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            // Training, SGD-workers, splitting, implicit-bias and graph-dynamics scenarios have their own loaders and tests
            // (TrainingScenarioLoaderTest, SgdScenarioLoaderTest, SplittingScenarioLoaderTest, ...).
            return files.filter(f -> f.toString().endsWith(".conf") && !TrainingScenarioLoader.isTraining(f)
                    && !SgdScenarioLoader.isSgd(f) && !SplittingScenarioLoader.isSplitting(f)
                    && !ImplicitBiasScenarioLoader.isImplicitBias(f) && !FailureScenarioLoader.isFailure(f)
                    && !LinearFailuresScenarioLoader.isLinearFailures(f) && !GnnScenarioLoader.isGnn(f)
                    && !GraphDynamicsScenarioLoader.isGraphDynamics(f)).sorted().toList().stream();
        }
    }

    @Test
    void theDocumentedExamplesExist() throws IOException {
        List<String> names = examples().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("double-well-escape.conf", "muller-brown-escape.conf",
                "double-well-arrhenius.conf")), names.toString());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleLoadsAndItsRenderRoundTrips(Path file) {
        Scenario s = ScenarioLoader.load(file, List.of());
        assertEquals(file.getFileName().toString().replace(".conf", ""), s.name());
        assertRoundTrips(s);
    }

    @Test
    void arrheniusExampleTakesEachSweepValue() {
        Map.Entry<String, List<String>> vary = ScenarioLoader.parseVary("dynamics.beta=2,3,4,5");
        for (String v : vary.getValue()) {
            Scenario s = ScenarioLoader.load(Path.of("scenarios/double-well-arrhenius.conf"),
                    List.of(vary.getKey() + "=" + v));
            assertEquals(Double.parseDouble(v), s.dynamics().beta());
        }
    }

    @Test
    void everyFormRoundTrips() {
        String text = String.join("\n",
                "name = all-forms", "seed = 42", "backend = java", "shards = 3", "granularity = particle",
                "block-size = 64",
                "population { size = 10, init { gaussian { mean = [0.1, 0.2], sd = [0.3, 0.4] } } }",
                "potential { type = harmonic, stiffness = [1.5, 2.5], center = [0.25, -0.75] }",
                "dynamics { type = underdamped, beta = 2.5, dt = 0.01, friction = 3 }",
                "interaction { type = mean-attraction, theta = 0.5 }",
                "run { time = 2, report-every = 0.1 }",
                "escape { absorbing = false, targets = [",
                "  { half-space { axis = 1, threshold = -1.0, direction = below } }",
                "  { name = b, ball { center = [1, 1], radius = 0.3 } }",
                "  { basin { minimum = [0.2, -0.7], radius = 0.2 } } ] }",
                "observe { histogram { bins = 7, range = [[-3, 3], [-4, 4]] }, quantiles = [0.1, 0.9] }", "");
        Scenario s = load(text);
        assertEquals("all-forms", s.name());
        assertEquals(Granularity.MEMBER, s.granularity());
        assertEquals(new LangevinDynamics(LangevinType.UNDERDAMPED, 2.5, 0.01, 3), s.dynamics());
        assertEquals(Optional.of(0.5), s.meanAttraction());
        assertEquals(List.of("target-0", "b", "target-2"), s.targets().stream().map(TargetSpec::name).toList());
        assertFalse(((TargetSpec.HalfSpace) s.targets().get(0)).above());
        assertArrayEquals(new double[] {0.3, 0.4}, ((GaussianInitial) s.init()).sd());
        assertRoundTrips(s);
    }

    @Test
    void userPotentialRoundTrips() {
        Scenario s = load(BASE.replace("type = double-well", "type = class, class = \""
                + QuadraticTestPotential.class.getName() + "\", params { k = 3, dimension = 1 }"));
        Scenario t = assertRoundTrips(s);
        assertEquals(3.0, ((QuadraticTestPotential) t.potential().potential()).stiffness());
    }

    /**
     * Loads the rendered text and compares every field. The records hold arrays and a built Potential,
     * so record equality is identity for those; the fields are compared by value instead.
     */
    private static Scenario assertRoundTrips(Scenario s) {
        Scenario t = ScenarioLoader.loadString(s.render(), s.name() + ".conf");
        assertEquals(s.render(), t.render());
        assertEquals(s.name(), t.name());
        assertEquals(s.seed(), t.seed());
        assertEquals(s.backend(), t.backend());
        assertEquals(s.shards(), t.shards());
        assertEquals(s.granularity(), t.granularity());
        assertEquals(s.blockSize(), t.blockSize());
        assertEquals(s.populationSize(), t.populationSize());
        assertEquals(s.init().getClass(), t.init().getClass());
        assertEquals(s.potential().type(), t.potential().type());
        assertEquals(s.potential().params(), t.potential().params());
        assertEquals(s.potential().potential().getClass(), t.potential().potential().getClass());
        double[] x = new double[s.dimension()];
        java.util.Arrays.fill(x, 0.37);
        assertEquals(s.potential().potential().energy(x), t.potential().potential().energy(x));
        assertEquals(s.dynamics(), t.dynamics());
        assertEquals(s.meanAttraction(), t.meanAttraction());
        assertEquals(s.pairInteraction().isPresent(), t.pairInteraction().isPresent());
        assertEquals(s.runTime(), t.runTime());
        assertEquals(s.reportEvery(), t.reportEvery());
        assertEquals(s.absorbing(), t.absorbing());
        assertEquals(s.targets().size(), t.targets().size());
        for (int i = 0; i < s.targets().size(); i++) {
            TargetSpec a = s.targets().get(i);
            TargetSpec b = t.targets().get(i);
            assertEquals(a.getClass(), b.getClass());
            assertEquals(a.name(), b.name());
            if (a instanceof TargetSpec.HalfSpace h) {
                assertEquals(h, b);
            } else if (a instanceof TargetSpec.Ball ball) {
                assertArrayEquals(ball.center(), ((TargetSpec.Ball) b).center());
                assertEquals(ball.radius(), ((TargetSpec.Ball) b).radius());
            } else {
                TargetSpec.Basin basin = (TargetSpec.Basin) a;
                assertArrayEquals(basin.near(), ((TargetSpec.Basin) b).near());
                assertEquals(basin.radius(), ((TargetSpec.Basin) b).radius());
            }
        }
        assertEquals(s.histogramBins(), t.histogramBins());
        assertEquals(s.histogramRange().isPresent(), t.histogramRange().isPresent());
        s.histogramRange().ifPresent(r -> assertArrayEquals(r, t.histogramRange().get()));
        assertArrayEquals(s.quantiles(), t.quantiles());
        assertEquals(s.pde().isPresent(), t.pde().isPresent());
        s.pde().ifPresent(p -> {
            assertEquals(p.cells(), t.pde().get().cells());
            assertArrayEquals(p.low(), t.pde().get().low());
            assertArrayEquals(p.high(), t.pde().get().high());
            assertEquals(p.dt(), t.pde().get().dt());
        });
        assertEquals(s.switching(), t.switching());
        return t;
    }

    @Test
    void parseVarySplitsAtTopLevelCommas() {
        assertEquals(Map.entry("dynamics.beta", List.of("2", "3", "4", "5")),
                ScenarioLoader.parseVary("dynamics.beta=2,3,4,5"));
        assertEquals(Map.entry("population.init.point", List.of("[0, 0]", "[1,1]")),
                ScenarioLoader.parseVary("population.init.point=[0, 0],[1,1]"));
        assertEquals(Map.entry("name", List.of("\"a,b\"", "c")), ScenarioLoader.parseVary("name=\"a,b\",c"));
    }

    @ParameterizedTest
    @MethodSource("badVary")
    void parseVaryRejectsBadSyntax(String vary, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioLoader.parseVary(vary));
        assertTrue(e.getMessage().startsWith(expected), "expected '" + expected + "' at the start of: "
                + e.getMessage());
    }

    static Stream<Arguments> badVary() {
        return Stream.of(
                Arguments.of("dynamics.beta", "--vary dynamics.beta: expected key.path=v1,v2,..."),
                Arguments.of("dynamics.beta=", "--vary dynamics.beta=: expected key.path=v1,v2,..."),
                Arguments.of("=2,3", "--vary =2,3: expected key.path=v1,v2,..."),
                Arguments.of("dynamics beta=2,3", "--vary dynamics beta: expected a key path like dynamics.beta"),
                Arguments.of("dynamics.beta=2,,3", "--vary dynamics.beta: empty value in '2,,3'"),
                Arguments.of("dynamics.beta=2,", "--vary dynamics.beta: empty value in '2,'"),
                Arguments.of("population.init.point=[0,1", "--vary population.init.point: unbalanced brackets"),
                Arguments.of("population.init.point=0]", "--vary population.init.point: unbalanced ']'"),
                Arguments.of("name=\"abc", "--vary name: unterminated string"));
    }
}
