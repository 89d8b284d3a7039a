package org.ensemble.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ensemble.cli.Main;
import org.ensemble.output.RunDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three shard nodes, each a JVM of its own on 127.0.0.1 with free ports, started here and stopped by
 * PID with bounded waits. An escape run, a mean-field (interacting) run and a training run, each with
 * its shards dealt over the three nodes, write the same bytes (summary.json and every event and table
 * file) as the same run in one JVM. Then one node is killed (SIGKILL) in the middle of a checkpointed
 * run: the run resumes from its last checkpoint on the two nodes left, ends with the bytes of the
 * uninterrupted run, and its run.json records the failover.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodeClusterTest {
    /** Starting a JVM and joining takes seconds alone, much longer on a loaded 2-core machine. */
    private static final long UP_SECONDS = 150;

    @TempDir
    static Path tmp;

    private final List<Process> nodes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private Path clusterFile;

    @BeforeAll
    void startThreeNodes() throws Exception {
        int[] ports = freePorts(3);
        clusterFile = tmp.resolve("cluster.conf");
        Files.writeString(clusterFile, "cluster {\n  seed-nodes = [\"127.0.0.1:" + ports[0] + "\"]\n  shard-nodes = 3\n"
                + "  join-timeout = 120s\n}\n");
        for (int p : ports) {
            Path log = tmp.resolve("node-" + p + ".log");
            logs.add(log);
            nodes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "node",
                    "--cluster", clusterFile.toString(), "--port", Integer.toString(p))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(UP_SECONDS);
        for (int i = 0; i < nodes.size(); i++) {
            while (!Files.readString(logs.get(i)).contains("node up at")) {
                assertTrue(nodes.get(i).isAlive(), "node " + i + " ended: " + Files.readString(logs.get(i)));
                assertTrue(System.nanoTime() < deadline, "node " + i + " not up within " + UP_SECONDS + " s: "
                        + Files.readString(logs.get(i)));
                Thread.sleep(100);
            }
        }
    }

    @AfterAll
    void stopNodes() throws Exception {
        for (Process p : nodes) {
            p.destroy(); // SIGTERM: the node leaves the cluster
        }
        for (Process p : nodes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Order(1)
    @Test
    void anEscapeRunOnThreeNodesWritesTheBytesOfOneJvm() throws Exception {
        sameBytes("src/test/resources/scenarios/small-escape.conf", List.of("shards=6", "population.size=1500",
                "run.time=6"), "escape");
    }

    @Order(2)
    @Test
    void aMeanFieldRunOnThreeNodesWritesTheBytesOfOneJvm() throws Exception {
        // The field (the population's mean) is reduced and broadcast every step: 300 round trips.
        sameBytes("scenarios/mckean-vlasov-vs-pde.conf", List.of("shards=6", "block-size=256", "population.size=3000",
                "run.time=0.3", "run.report-every=0.1", "pde.cells=300"), "meanfield");
    }

    @Order(3)
    @Test
    void aTrainingRunOnThreeNodesWritesTheBytesOfOneJvm() throws Exception {
        sameBytes("scenarios/mmn-isotropic-gaussians.conf", List.of("shards=6", "block-size=32", "network.width=300",
                "training.time=0.03", "observe.report-every=0.01", "observe.test-samples=200"), "training");
    }

    @Order(4)
    @Test
    void aSweepOnThreeNodesWritesTheBytesOfOneJvm() throws Exception {
        Path local = tmp.resolve("sweep-local");
        Path cluster = tmp.resolve("sweep-cluster");
        for (Path out : List.of(local, cluster)) {
            List<String> a = new ArrayList<>(List.of("sweep", "src/test/resources/scenarios/small-escape.conf", "--vary",
                    "dynamics.beta=2.5,3", "--set", "shards=6", "--set", "population.size=1500", "--set", "run.time=4",
                    "--out", out.toString(), "--quiet", "--no-plots", "--no-metrics"));
            if (out == cluster) {
                a.addAll(List.of("--cluster", clusterFile.toString()));
            }
            StringWriter err = new StringWriter();
            assertEquals(0, Main.execute(new PrintWriter(err, true), a.toArray(String[]::new)), err + nodeLogs());
        }
        List<Path> files;
        try (Stream<Path> all = Files.walk(local)) {
            files = all.filter(f -> f.toString().endsWith(".csv") || f.endsWith("summary.json")).sorted().toList();
        }
        assertTrue(files.size() >= 5, files.toString()); // the sweep table and each point's summary and tables
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(cluster.resolve(local.relativize(f))),
                    local.relativize(f).toString());
        }
    }

    @Order(5)
    @Test
    void aNodeKilledMidRunCostsAResumeFromTheLastCheckpoint() throws Exception {
        List<String> set = List.of("shards=6", "population.size=3000", "escape.absorbing=false", "run.time=120",
                "checkpoint.every=6");
        String scenario = "src/test/resources/scenarios/small-escape.conf";
        Path local = run(scenario, set, tmp.resolve("failover-local"), false);
        Path out = tmp.resolve("failover-cluster");
        CompletableFuture<Path> onCluster = CompletableFuture.supplyAsync(() -> run(scenario, set, out, true));
        Path manifest = RunDirectory.stagingOf(out).resolve("checkpoint").resolve("manifest.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!Files.isRegularFile(manifest)) {
            assertTrue(!onCluster.isDone(), () -> "the run ended before a node could be killed: " + onCluster.join());
            assertTrue(System.nanoTime() < deadline, "no checkpoint within 240 s");
            Thread.sleep(20);
        }
        Process victim = nodes.get(2);
        victim.destroyForcibly(); // SIGKILL: no leaving, no goodbye
        assertTrue(victim.waitFor(30, TimeUnit.SECONDS), "the killed node did not exit");
        Path done = onCluster.get(300, TimeUnit.SECONDS);
        assertSameOutputs(local, done);
        String runJson = Files.readString(done.resolve("run.json"));
        assertTrue(runJson.matches("(?s).*\"failovers\" : \\[ \\{\\s*\"node\" : \"127\\.0\\.0\\.1:\\d+\",\\s*"
                + "\"resumed_from_step\" : [1-9]\\d*.*"), runJson);
    }

    /** The run in one JVM and on the cluster give the same summary.json and CSV files, byte for byte. */
    private void sameBytes(String scenario, List<String> set, String name) throws IOException {
        Path local = run(scenario, set, tmp.resolve(name + "-local"), false);
        Path cluster = run(scenario, set, tmp.resolve(name + "-cluster"), true);
        assertSameOutputs(local, cluster);
        assertTrue(Files.readString(cluster.resolve("run.json")).contains("\"shard_nodes\" : 3"));
    }

    private Path run(String scenario, List<String> set, Path out, boolean onCluster) {
        List<String> a = new ArrayList<>(List.of("run", scenario));
        set.forEach(s -> a.addAll(List.of("--set", s)));
        a.addAll(List.of("--out", out.toString(), "--quiet", "--no-plots", "--no-metrics"));
        if (onCluster) {
            a.addAll(List.of("--cluster", clusterFile.toString()));
        }
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), a.toArray(String[]::new));
        assertEquals(0, code, err + nodeLogs());
        return out;
    }

    private String nodeLogs() {
        StringBuilder b = new StringBuilder();
        for (Path l : logs) {
            try {
                b.append("\n--- ").append(l.getFileName()).append('\n').append(Files.readString(l));
            } catch (IOException e) {
                b.append(e);
            }
        }
        return b.toString();
    }

    static void assertSameOutputs(Path expected, Path actual) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(expected)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".csv") || n.equals("summary.json"))
                    .forEach(names::add);
        }
        assertTrue(names.contains("summary.json") && names.size() >= 2, names.toString());
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(n)), Files.readAllBytes(actual.resolve(n)), n);
        }
    }

    /** {@code n} distinct free ports (all held open until each is known, then released). */
    static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                held.add(new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()));
                ports[i] = held.get(i).getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }
}
