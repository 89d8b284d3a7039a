package org.ensemble.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.ensemble.checkpoint.Checkpoint;
import org.ensemble.scenario.GraphDynamicsScenario;
import org.ensemble.scenario.GraphDynamicsScenarioLoader;
import org.ensemble.step.StopRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graph-dynamics study stopped at a step barrier keeps what it measured and a checkpoint, says how
 * to resume, and {@code ensemble resume DIR} finishes it with the bytes (summary.json and every CSV)
 * of the study that never stopped: stopped in a later leg (engine, periodic checkpoints, the
 * Fokker–Planck snapshots beside, dt and dt/2 legs), and in its first leg (in process, a sparse
 * graph with its halo, extra samples).
 */
class GraphDynamicsResumeTest {
    @TempDir
    Path tmp;

    private static final String COMPLETE = """
            name = complete-study
            seed = 3
            shards = 2
            checkpoint { every = 0.5 }
            graph-dynamics {
              graph { kind = complete, nodes = 300 }
              coupling = [3, 4]
              normalisation = nodes
              noise = 1
              dt = 0.01
              time = 2
              relax = 0.5
              spread = 0.8
              execution = engine
              extrapolate-dt = true
              pde { coupling = 3, cells = 64, times = [0, 1, 2] }
            }
            """;

    private static final String SPARSE = """
            name = sparse-study
            seed = 5
            shards = 3
            graph-dynamics {
              graph { kind = erdos-renyi, nodes = 240, mean-degree = [6] }
              coupling = [2]
              noise = 0.5
              dt = 0.01
              time = 1
              relax = 0.2
              samples = 2
              extrapolate-dt = false
              execution = in-process
              block-size = 16
            }
            """;

    @Test
    void stoppedInALaterLegResumesBitForBit() throws IOException {
        // legs: K = 3 at dt (200 steps: barriers after steps 0…199) and dt/2 (400), then K = 4 at dt: the
        // 701st barrier is the third leg's after step 100 (also a periodic checkpoint's step, every 50)
        Path part = stopAndResume(COMPLETE, 700, 100);
        assertSameOutputs(run(COMPLETE, "full"), part);
    }

    @Test
    void stoppedInTheFirstLegResumesBitForBit() throws IOException {
        Path part = stopAndResume(SPARSE, 40, 40);
        assertSameOutputs(run(SPARSE, "full"), part);
    }

    @Test
    void aFinishedStudyHasNothingToResume() throws IOException {
        Path full = run(SPARSE, "full");
        assertFalse(Files.exists(full.resolve("checkpoint")), "a finished study keeps no checkpoint");
        StringWriter err = new StringWriter();
        assertEquals(2, Main.execute(new PrintWriter(err, true), "resume", full.toString(), "--no-metrics"));
        assertTrue(err.toString().contains("nothing to resume"), err.toString());
    }

    /** Stops after {@code barriers} barriers, checks what is kept, resumes through the CLI; the run's directory. */
    private Path stopAndResume(String text, int barriers, long step) throws IOException {
        Path out = tmp.resolve("part");
        StopRequest stop = StopRequest.never();
        int[] seen = {0};
        BooleanSupplier stopNow = () -> {
            if (++seen[0] > barriers) {
                stop.request("INT");
            }
            return stop.getAsBoolean();
        };
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        java.io.PrintStream was = System.out;
        int code;
        System.setOut(new java.io.PrintStream(console, true));
        try {
            code = GraphDynamicsCommand.execute(scenario(text), out, true, false, new MetricsOptions(), stop, stopNow,
                    null);
        } finally {
            System.setOut(was);
        }
        assertEquals(130, code, console.toString());
        assertTrue(console.toString().contains("resume with: ensemble resume " + out), console.toString());
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"status\" : \"interrupted\""), summary);
        Checkpoint cp = Checkpoint.find(out);
        assertEquals(step, cp.step(), "the checkpoint's step");
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(err, true), "resume", out.toString(), "--quiet", "--no-plots",
                "--no-metrics"), err.toString());
        assertFalse(Files.exists(out.resolve("checkpoint")), "a finished study keeps no checkpoint");
        return out;
    }

    private GraphDynamicsScenario scenario(String text) {
        return GraphDynamicsScenarioLoader.loadString(text, "graph-resume.conf", List.of());
    }

    private Path run(String text, String name) throws IOException {
        Path file = tmp.resolve(name + ".conf");
        Files.writeString(file, text);
        Path out = tmp.resolve(name);
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(err, true), "run", file.toString(), "--out", out.toString(),
                "--quiet", "--no-plots", "--no-metrics"), err.toString());
        return out;
    }

    /** summary.json and every CSV: the same names, the same bytes. */
    private static void assertSameOutputs(Path expected, Path actual) throws IOException {
        TreeSet<String> names = outputs(expected);
        assertTrue(names.contains("summary.json") && names.contains("order-parameter.csv"), names.toString());
        assertEquals(names, outputs(actual));
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(n)), Files.readAllBytes(actual.resolve(n)), n);
        }
    }

    private static TreeSet<String> outputs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            TreeSet<String> out = new TreeSet<>();
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv") || n.equals("summary.json"))
                    .forEach(out::add);
            return out;
        }
    }
}
