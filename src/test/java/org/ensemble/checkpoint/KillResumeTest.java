package org.ensemble.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.ensemble.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 (a JVM of its own, as a user's run would be): during the segment after a checkpoint — for
 * an escape run, a mean-field run with the PDE beside it and a training run — and in the middle of
 * writing the next checkpoint (arrays written, manifest not yet renamed). Either way
 * {@code ensemble resume} continues from the last complete checkpoint and the outputs equal an
 * uninterrupted run's, byte for byte.
 */
class KillResumeTest {
    /** A mean-field run with the PDE beside it: ~6e3 barriers, checkpoints at t = 0.5, 1, … */
    static final List<String> SET = List.of("population.size=5000", "run.time=6", "backend=java",
            "checkpoint.every=0.5");
    static final String SCENARIO = "scenarios/mckean-vlasov-vs-pde.conf";

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"escape", "training", "graph"})
    void killDuringTheNextSegmentResumesFromTheCheckpointForEveryKind(String kind) throws Exception {
        // Escape: 5000 particles (first passages recorded, not absorbed), reports every 2, checkpoints
        // every 4, to t = 400 (about 1e9 particle-steps: several seconds, time enough to be killed).
        // Training: MMN at width 300, checkpoints every t = 0.2, to t = 3.
        // Graph: a Kuramoto study of 500 oscillators, 2 couplings × (dt, dt/2) legs with the PDE beside,
        // checkpoints every t = 1 of a leg (100 steps at dt).
        String scenario = switch (kind) {
            case "escape" -> "src/test/resources/scenarios/small-escape.conf";
            case "training" -> "scenarios/mmn-isotropic-gaussians.conf";
            default -> "scenarios/kuramoto-noise-transition.conf";
        };
        List<String> set = switch (kind) {
            case "escape" -> List.of("population.size=5000", "escape.absorbing=false", "run.time=400",
                    "checkpoint.every=4");
            case "training" -> List.of("network.width=300", "training.time=3", "checkpoint.every=0.2");
            default -> List.of("graph-dynamics.graph.nodes=500", "graph-dynamics.coupling=[3, 4]",
                    "graph-dynamics.time=3", "graph-dynamics.relax=1", "graph-dynamics.pde.times=[0, 1, 3]",
                    "checkpoint.every=1");
        };
        Path full = reference(scenario, set);
        Path out = tmp.resolve("killed");
        Path manifest = tmp.resolve(".killed.partial/checkpoint/manifest.json");
        killWhen(scenario, set, out, List.of(), d -> Files.isRegularFile(manifest));
        ResumeTest.resume("resume", out.toString());
        ResumeTest.assertSameOutputs(full, out);
    }

    @TempDir
    Path tmp;

    @Test
    void killDuringTheNextSegmentResumesFromTheCheckpoint() throws Exception {
        Path full = reference();
        Path out = tmp.resolve("killed");
        Path manifest = tmp.resolve(".killed.partial/checkpoint/manifest.json");
        killWhen(SCENARIO, SET, out, List.of(), d -> Files.isRegularFile(manifest));
        ResumeTest.resume("resume", out.toString());
        ResumeTest.assertSameOutputs(full, out);
    }

    @Test
    void killDuringACheckpointWriteLeavesThePreviousOne() throws Exception {
        Path full = reference();
        Path out = tmp.resolve("killed");
        Path ck = tmp.resolve(".killed.partial/checkpoint");
        // Each write pauses 3 s between its arrays and its manifest; kill while the second one pauses.
        killWhen(SCENARIO, SET, out, List.of("-Densemble.checkpoint.test-pause-ms=3000"), d -> Files.isRegularFile(ck.resolve(
                "manifest.json")) && steps(ck) >= 2);
        Checkpoint c = Checkpoint.find(out);
        assertEquals(500, c.step(), "the checkpoint at t = 0.5 (step 500) should be the usable one");
        ResumeTest.resume("resume", out.toString());
        ResumeTest.assertSameOutputs(full, out);
    }

    private Path reference() {
        return reference(SCENARIO, SET);
    }

    private Path reference(String scenario, List<String> set) {
        List<String> a = new ArrayList<>(List.of("run", scenario));
        set.forEach(s -> a.addAll(List.of("--set", s)));
        a.addAll(List.of("--out", tmp.resolve("full").toString()));
        ResumeTest.resume(a.toArray(String[]::new));
        return tmp.resolve("full");
    }

    private void killWhen(String scenario, List<String> set, Path out, List<String> jvm, Predicate<Path> ready)
            throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString()));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", scenario));
        set.forEach(s -> cmd.addAll(List.of("--set", s)));
        cmd.addAll(List.of("--no-metrics", "--no-plots", "--quiet", "--out", out.toString()));
        Path log = tmp.resolve("log.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!ready.test(out) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(p.isAlive(), "the run ended before it could be killed: " + Files.readString(log));
            assertTrue(ready.test(out), "never ready to kill: " + Files.readString(log));
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no final checkpoint
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed run did not exit");
        }
        assertEquals(137, p.exitValue());
        assertTrue(!Files.exists(out), "a killed run commits nothing");
    }

    private static long steps(Path ck) {
        try (Stream<Path> s = Files.list(ck)) {
            return s.filter(p -> p.getFileName().toString().startsWith("step-")).count();
        } catch (IOException e) {
            return 0; // not there yet
        }
    }
}
