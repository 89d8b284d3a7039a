package org.ensemble.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CliTest {
    static final Path SMALL = Path.of("src/test/resources/scenarios/small-escape.conf");

    @TempDir
    Path tmp;

    record Result(int code, String err) {
    }

    static Result run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), args);
        return new Result(code, err.toString());
    }

    record Output(int code, String out, String err) {
    }

    /** As {@link #run}, also capturing stdout (where picocli prints usage help). */
    static Output runCapturing(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true));
        try {
            Result r = run(args);
            return new Output(r.code(), bytes.toString(), r.err());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void aQuietRunPrintsNothingButItsReport() {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true));
        Output o;
        try {
            // Metrics on (a free port): neither the logger nor the metrics server may speak.
            o = runCapturing("run", SMALL.toString(), "--out", tmp.resolve("q").toString(), "--quiet", "--no-plots",
                    "--metrics-port", "0", "--set", "run.time=2");
        } finally {
            System.setErr(saved);
        }
        assertEquals(0, o.code(), o.err());
        assertEquals("", bytes.toString() + o.err(), "stderr of a --quiet run");
        assertFalse(o.out().contains("INFO"), o.out());
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"run", "resume", "sweep", "validate", "list", "devices", "bench"})
    void everySubcommandPrintsItsUsageForHelpAndExits0(String command) {
        Output o = runCapturing(command, "--help");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("Usage: ensemble " + command), o.out());
        assertEquals("", o.err().strip());
    }

    @Test
    void everyOptionAndParameterOfEverySubcommandIsDescribed() {
        CommandLine cl = new CommandLine(new Main());
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            for (CommandLine.Model.ArgSpec a : spec.args()) {
                String name = a instanceof CommandLine.Model.OptionSpec o ? o.longestName() : a.paramLabel();
                assertTrue(a.description().length > 0 && !a.description()[0].isBlank(),
                        spec.qualifiedName() + " " + name + " has no description");
            }
        }
    }

    @Test
    void aMistypedCommandGetsOneLineWithASuggestion() {
        Result r = run("rnu", "x.conf");
        assertEquals(2, r.code(), r.err());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.contains("unknown command 'rnu'") && line.contains("did you mean 'run'?"), line);
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        Result r = run("run", SMALL.toString(), "--no-plot");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().strip().contains("unknown option '--no-plot'; did you mean '--no-plots'?"), r.err());
    }

    @Test
    void aBadVaryValueNamesVaryNotSet() {
        Path out = tmp.resolve("sweep");
        Result r = run("sweep", SMALL.toString(), "--vary", "dynamics.beta=2,hot", "--out", out.toString(),
                "--quiet", "--no-metrics");
        assertEquals(2, r.code(), r.err());
        String line = r.err().strip();
        assertTrue(line.contains("(--vary dynamics.beta)") && line.contains("dynamics.beta: expected a number"),
                line);
        assertFalse(line.contains("--set"), line);
        assertFalse(Files.exists(out), "nothing runs when one value is bad");
    }

    @Test
    void sweepWithNoPlotsWritesNoPlots() throws IOException {
        Path out = tmp.resolve("sweep");
        Result r = run("sweep", SMALL.toString(), "--vary", "dynamics.beta=2.5,3", "--set", "run.time=4",
                "--out", out.toString(), "--quiet", "--no-metrics", "--no-plots");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("sweep.json")));
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> images = files.filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".svg"))
                    .toList();
            assertTrue(images.isEmpty(), "plots written: " + images);
        }
    }

    @Test
    void summaryAndEscapesAreByteIdenticalForShardsAndGranularity() throws IOException {
        List<String[]> variants = List.of(new String[] {"shards=1"}, new String[] {"shards=2"},
                new String[] {"shards=7"}, new String[] {"shards=3", "granularity=particle"});
        List<byte[]> summaries = new ArrayList<>();
        List<byte[]> escapes = new ArrayList<>();
        int k = 0;
        for (String[] v : variants) {
            Path out = tmp.resolve("run-" + k++);
            List<String> args = new ArrayList<>(List.of("run", SMALL.toString(), "--out", out.toString(), "--quiet",
                    "--no-plots", "--no-metrics"));
            for (String set : v) {
                args.add("--set");
                args.add(set);
            }
            Result r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            summaries.add(Files.readAllBytes(out.resolve("summary.json")));
            escapes.add(Files.readAllBytes(out.resolve("escapes.csv")));
        }
        String summary = new String(summaries.get(0));
        assertTrue(summary.contains("\"escaped\" : "), summary);
        assertTrue(Files.readAllLines(tmp.resolve("run-0/escapes.csv")).size() > 50, "the run should see escapes");
        for (int i = 1; i < variants.size(); i++) {
            assertArrayEquals(summaries.get(0), summaries.get(i), "summary.json differs for " + String.join(" ",
                    variants.get(i)));
            assertArrayEquals(escapes.get(0), escapes.get(i), "escapes.csv differs for " + String.join(" ",
                    variants.get(i)));
        }
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("unknown key", base() + "bogus = 3\n", List.of(), "bad.conf:6: bogus: unknown key"),
                Arguments.of("nested unknown key", base().replace("beta = 3", "beta = 3\n  betta = 4"), List.of(),
                        "dynamics.betta: unknown key"),
                Arguments.of("wrong type", base().replace("beta = 3", "beta = \"hot\""), List.of(),
                        "dynamics.beta: expected a number, got string"),
                Arguments.of("negative dt", base().replace("dt = 2e-3", "dt = -0.001"), List.of(),
                        "dynamics.dt: expected a positive finite number, got -0.001"),
                Arguments.of("missing potential class", base().replace("type = double-well",
                        "type = class, class = \"com.example.Nope\""), List.of(),
                        "potential.class: class 'com.example.Nope' not found on the classpath"),
                Arguments.of("bad override", base(), List.of("--set", "dynamics.dt=zero"),
                        "dynamics.dt: expected a number, got string"),
                Arguments.of("dimension mismatch", base().replace("point = [-1.0]", "point = [-1.0, 2.0]"), List.of(),
                        "population.init.point: expected 1 coordinate(s)"));
    }

    static String base() {
        return "seed = 1\npopulation { size = 10, init { point = [-1.0] } }\npotential { type = double-well }\n"
                + "dynamics { beta = 3, dt = 2e-3 }\nrun { time = 1 }\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputGivesOneLineNamingFileAndKeyAndWritesNothing(String name, String text, List<String> extra,
                                                              String expected) throws IOException {
        Path file = tmp.resolve("bad.conf");
        Files.writeString(file, text);
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", out.toString(), "--quiet",
                "--no-metrics"));
        args.addAll(extra);
        Result r = run(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), "one line expected: " + line);
        assertTrue(line.contains(file.toString()), line);
        assertTrue(line.contains(expected), "expected '" + expected + "' in: " + line);
        assertFalse(Files.exists(out), "no output directory on bad input");
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("partial")), "no staging left behind");
        }
    }

    @Test
    void aDivergingRunStopsWithExit3AndKeepsItsOutputs() throws IOException {
        // dt = 0.2 is stable at the minimum (0.2·8 < 2) but not at x = 3, where every particle starts.
        Path out = tmp.resolve("div");
        Result r = run("run", SMALL.toString(), "--out", out.toString(), "--quiet", "--no-plots", "--no-metrics",
                "--set", "dynamics.dt=0.2", "--set", "population.init={ point = [3.0] }", "--set",
                "escape.absorbing=false");
        assertEquals(3, r.code(), r.err());
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"status\" : \"diverged\""), summary);
        assertTrue(summary.contains("NaN or infinity"), summary);
        assertTrue(Files.exists(out.resolve("timeseries.csv")));
    }

    @Test
    void anUnstableTimeStepIsRefusedBeforeRunning() {
        Path out = tmp.resolve("unstable");
        Result r = run("run", SMALL.toString(), "--out", out.toString(), "--quiet", "--no-metrics", "--set",
                "dynamics.dt=0.5");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("dynamics.dt: expected < 2/λ_max"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void pdeComparisonsWriteTheirColumnsAndSummaries() throws IOException {
        Path one = tmp.resolve("mv");
        Result r1 = run("run", "scenarios/mckean-vlasov-vs-pde.conf", "--out", one.toString(), "--quiet", "--no-metrics",
                "--set", "population.size=3000", "--set", "run.time=1", "--set", "pde.cells=400");
        assertEquals(0, r1.code(), r1.err());
        String header = Files.readAllLines(one.resolve("timeseries.csv")).get(0);
        assertTrue(header.contains("w1_pde,w2_pde,pde_mean") && header.contains("particles_free_energy"), header);
        String summary = Files.readString(one.resolve("summary.json"));
        assertTrue(summary.contains("\"pde\"") && summary.contains("\"beta_c\"") && summary.contains("\"m_star\""),
                summary);
        assertTrue(Files.exists(one.resolve("plots/pde-vs-particles.png")));
        Path two = tmp.resolve("mb");
        Result r2 = run("run", "scenarios/muller-brown-vs-pde.conf", "--out", two.toString(), "--quiet",
                "--no-metrics", "--set", "population.size=1000", "--set", "run.time=0.5", "--set", "pde.cells=40");
        assertEquals(0, r2.code(), r2.err());
        String header2 = Files.readAllLines(two.resolve("timeseries.csv")).get(0);
        assertTrue(header2.contains("sliced_w2_pde") && header2.contains("particles_free_energy"), header2);
        assertTrue(Files.exists(two.resolve("plots/pde-density-2d.png")));
        assertTrue(Files.exists(two.resolve("plots/particles-density-2d.svg")));
        assertTrue(Files.readString(two.resolve("summary.json")).contains("\"sliced_w2\""));
    }

    @Test
    void missingFileIsBadInput() {
        Path out = tmp.resolve("out");
        Result r = run("run", tmp.resolve("nope.conf").toString(), "--out", out.toString(), "--no-metrics");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nope.conf: file not found"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void validatePrintsTheResolvedScenario() {
        Result r = run("validate", "../../scenarios/nope.conf");
        assertEquals(2, r.code());
        for (String f : List.of("scenarios/double-well-escape.conf", "scenarios/muller-brown-escape.conf",
                "scenarios/double-well-arrhenius.conf")) {
            assertEquals(0, run("validate", f).code(), f);
        }
    }
}
