package org.ensemble.checkpoint;

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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.ensemble.cli.Main;
import org.ensemble.langevin.RunOutcome;
import org.ensemble.run.EscapeRun;
import org.ensemble.run.RunOptions;
import org.ensemble.run.RunResult;
import org.ensemble.run.TrainingRun;
import org.ensemble.scenario.Scenario;
import org.ensemble.scenario.ScenarioLoader;
import org.ensemble.scenario.TrainingScenario;
import org.ensemble.scenario.TrainingScenarioLoader;
import org.ensemble.training.TrainingOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Run T" and "run part of T, stop, resume" give byte-identical outputs (summary.json and every
 * CSV), for an absorbing escape run, a mean-field run with the PDE beside it, an interacting pair
 * kernel and a training run; stopped at a barrier between periodic checkpoints (the stop writes a
 * final one), resumed through the CLI, and for training with another shard count.
 */
class ResumeTest {
    @TempDir
    Path tmp;

    @Test
    void escapeRunResumesBitForBit() throws IOException {
        Path scenario = Path.of("src/test/resources/scenarios/small-escape.conf");
        List<String> set = List.of("checkpoint.every=3", "shards=3");
        Path full = langevin(scenario, set, "full", () -> false);
        Path part = langevin(scenario, set, "part", stopAfter(4));
        assertTrue(Files.isRegularFile(part.resolve("checkpoint/manifest.json")), "no checkpoint kept");
        assertEquals("interrupted", status(part));
        resume("resume", part.toString());
        assertSameOutputs(full, part);
        assertFalse(Files.exists(part.resolve("checkpoint")), "a finished run keeps no checkpoint");
    }

    @Test
    void meanFieldRunWithPdeResumesBitForBit() throws IOException {
        Path scenario = Path.of("scenarios/mckean-vlasov-vs-pde.conf");
        List<String> set = List.of("population.size=5000", "run.time=2", "backend=java", "checkpoint.every=0.5");
        Path full = langevin(scenario, set, "full", () -> false);
        Path part = langevin(scenario, set, "part", stopAfter(1234)); // one barrier per step: t = 1.234
        assertEquals(1234, Checkpoint.find(part).step());
        resume("resume", part.toString());
        assertSameOutputs(full, part);
    }

    @Test
    void pairKernelRunResumesBitForBit() throws IOException {
        Path scenario = Path.of("scenarios/pair-kernel-vs-pde.conf");
        List<String> set = List.of("population.size=3000", "run.time=1", "backend=java");
        Path full = langevin(scenario, set, "full", () -> false);
        Path part = langevin(scenario, set, "part", stopAfter(300));
        resume("run", scenario.toString(), "--set", set.get(0), "--set", set.get(1), "--set", set.get(2),
                "--resume", part.toString());
        assertSameOutputs(full, part);
    }

    @Test
    void trainingRunResumesBitForBitWithAnotherShardCount() throws IOException {
        Path scenario = Path.of("scenarios/mmn-isotropic-gaussians.conf");
        List<String> set = List.of("network.width=200", "training.time=1", "shards=2");
        Path full = training(scenario, set, "full", () -> false);
        Path part = training(scenario, set, "part", stopAfter(4321));
        assertEquals("interrupted", status(part));
        resume("run", scenario.toString(), "--set", set.get(0), "--set", set.get(1), "--set", "shards=3",
                "--resume", part.toString());
        assertSameOutputs(full, part);
    }

    @Test
    void aCheckpointFromAnotherScenarioOrAFinishedRunIsRefused() throws IOException {
        Path scenario = Path.of("src/test/resources/scenarios/small-escape.conf");
        Path part = langevin(scenario, List.of(), "part", stopAfter(3));
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), "run", scenario.toString(), "--set", "seed=6",
                "--resume", part.toString(), "--quiet", "--no-metrics");
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("different scenario"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        resume("resume", part.toString());
        err = new StringWriter();
        assertEquals(2, Main.execute(new PrintWriter(err, true), "resume", part.toString(), "--no-metrics"));
        assertTrue(err.toString().contains("nothing to resume"), err.toString());
        err = new StringWriter();
        assertEquals(2, Main.execute(new PrintWriter(err, true), "resume", tmp.resolve("nowhere").toString(),
                "--no-metrics"));
        assertTrue(err.toString().contains("no checkpoint there"), err.toString());
    }

    @Test
    void aDamagedCheckpointIsRefusedInOneLine() throws IOException {
        Path scenario = Path.of("src/test/resources/scenarios/small-escape.conf");
        Path part = langevin(scenario, List.of(), "part", stopAfter(3));
        Path positions;
        try (Stream<Path> s = Files.walk(part.resolve("checkpoint"))) {
            positions = s.filter(p -> p.getFileName().toString().equals("positions.npy")).findFirst().orElseThrow();
        }
        byte[] b = Files.readAllBytes(positions);
        Files.write(positions, java.util.Arrays.copyOf(b, b.length - 8));
        StringWriter err = new StringWriter();
        assertEquals(2, Main.execute(new PrintWriter(err, true), "resume", part.toString(), "--no-metrics"));
        assertTrue(err.toString().contains("positions.npy") && err.toString().contains("truncated"),
                err.toString());
    }

    /** Stops at the barrier after {@code barriers} phases. */
    static BooleanSupplier stopAfter(int barriers) {
        int[] n = {0};
        return () -> ++n[0] > barriers;
    }

    private Path langevin(Path file, List<String> set, String name, BooleanSupplier stop) {
        Scenario s = ScenarioLoader.load(file, set);
        Path out = tmp.resolve(name);
        RunResult r = EscapeRun.execute(s, new RunOptions(out, true, false, c -> m -> {
        }, null, stop), new PrintStream(new ByteArrayOutputStream()));
        assertTrue(r.outcome().ok() || r.outcome().status() == RunOutcome.Status.INTERRUPTED, r.outcome().message());
        return out;
    }

    private Path training(Path file, List<String> set, String name, BooleanSupplier stop) {
        TrainingScenario s = TrainingScenarioLoader.load(file, set);
        Path out = tmp.resolve(name);
        TrainingRun.Result r = TrainingRun.execute(s, out, true, false, m -> {
        }, new PrintStream(new ByteArrayOutputStream()), null, stop);
        assertTrue(r.outcome().status() == TrainingOutcome.Status.COMPLETED
                || r.outcome().status() == TrainingOutcome.Status.INTERRUPTED, r.outcome().message());
        return out;
    }

    static void resume(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--quiet", "--no-plots", "--no-metrics"));
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(err, true), a.toArray(String[]::new)), err.toString());
    }

    static String status(Path dir) throws IOException {
        String s = Files.readString(dir.resolve("summary.json"));
        int i = s.indexOf("\"status\" : \"");
        return s.substring(i + 12, s.indexOf('"', i + 12));
    }

    static void assertSameOutputs(Path expected, Path actual) throws IOException {
        Map<String, String> e = hashes(expected);
        assertTrue(e.containsKey("summary.json") && e.size() >= 3, e.toString());
        assertEquals(e, hashes(actual));
    }

    static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String n = f.getFileName().toString();
                if (n.endsWith(".csv") || n.equals("summary.json")) {
                    m.put(n, sha256(f));
                }
            }
        }
        return m;
    }

    private static String sha256(Path f) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
