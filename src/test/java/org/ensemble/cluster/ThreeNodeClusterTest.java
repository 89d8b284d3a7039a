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
 * file) as the same run in one JVM; the mean-field run's run.json counts its messages on the wire. Then
 * one node is killed (SIGKILL) in the middle of a checkpointed escape run, whose own /metrics shows the
 * live nodes and shards before the kill: the run resumes from its last checkpoint on the two nodes
 * left, ends with the bytes of the uninterrupted run, and its run.json records the failover. Last,
 * another node is killed in the middle of a training run on those two: it ends on the last node with
 * the bytes of the uninterrupted run.
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
        // A killed node is downed after about heartbeat-pause + stable-after (8 s + 4 s by default); shorter
        // here to keep the two failovers quick, still above the 2–4 s pauses a loaded machine shows.
        Files.writeString(clusterFile, "cluster {\n  seed-nodes = [\"127.0.0.1:" + ports[0] + "\"]\n  shard-nodes = 3\n"
                + "  join-timeout = 120s\n  heartbeat-pause = 6s\n  stable-after = 2s\n}\n");
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
        Path cluster = sameBytes("scenarios/mckean-vlasov-vs-pde.conf", List.of("shards=6", "block-size=256",
                "population.size=3000", "run.time=0.3", "run.report-every=0.1", "pde.cells=300"), "meanfield");
        // The coordinator counted every order out and every partial in: one of each per shard and order,
        // at least one order per step, and bytes_per_step is their bytes over the steps.
        com.fasterxml.jackson.databind.JsonNode wire = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                cluster.resolve("run.json").toFile()).path("cluster").path("wire");
        long orders = wire.path("messages").path("Phase").path("count").asLong();
        long steps = wire.path("steps").asLong();
        assertEquals(orders, wire.path("messages").path("PartialReady").path("count").asLong(), wire.toString());
        assertTrue(steps >= 300 && orders % 6 == 0 && orders / 6 >= steps, wire.toString());
        long bytes = 0;
        for (com.fasterxml.jackson.databind.JsonNode t : wire.path("messages")) {
            bytes += t.path("bytes").asLong();
        }
        assertEquals(bytes, wire.path("bytes").asLong(), wire.toString());
        assertEquals(bytes / (double) steps, wire.path("bytes_per_step").asDouble(), 1e-9 * bytes, wire.toString());
    }

    @Order(3)
    @Test
    void aTrainingRunOnThreeNodesWritesTheBytesOfOneJvm() throws Exception {
        sameBytes("scenarios/mmn-isotropic-gaussians.conf", List.of("shards=6", "block-size=32", "network.width=300",
                "training.time=0.03", "observe.report-every=0.01", "observe.test-samples=200"), "training");
    }

    @Order(3)
    @Test
    void aScenarioRunInProcessSaysNothingWentToTheNodes() throws Exception {
        // execution = in-process: the models run in this JVM, outside the step protocol's actors.
        java.io.ByteArrayOutputStream notes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        System.setErr(new java.io.PrintStream(notes, true, java.nio.charset.StandardCharsets.UTF_8));
        Path out;
        try {
            out = run("scenarios/hadamard-gd-egu-spindly.conf", List.of("linear-failures.execution=in-process",
                    "linear-failures.dims=[64]", "linear-failures.samples=4"), tmp.resolve("in-process-cluster"),
                    clusterFile);
        } finally {
            System.setErr(stderr);
        }
        String said = notes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(said.contains("note: nothing ran on the cluster's nodes"), said);
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"runs_placed\" : 0"));
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
        Path local = run(scenario, set, tmp.resolve("failover-local"), null);
        Path out = tmp.resolve("failover-cluster");
        int metricsPort = freePorts(1)[0];
        CompletableFuture<Path> onCluster = CompletableFuture.supplyAsync(() -> run(scenario, set, out, clusterFile,
                "--metrics-port", Integer.toString(metricsPort), "--metrics-grace", "0"));
        awaitCheckpoint(out, onCluster);
        // The run's own /metrics, mid-run: the coordinator sees its shards' three nodes and its six shards.
        String page = scrape(metricsPort);
        assertEquals(3, gauge(page, "ensemble_cluster_shard_nodes_up"), page);
        assertEquals(6, gauge(page, "ensemble_cluster_shards_live"), page);
        // Earlier runs' coordinator nodes leave as they end; one may still be leaving (not Up) or, if
        // it did not leave in time, be Up until it is downed: so at least the 3 nodes and this one.
        assertTrue(gauge(page, "ensemble_cluster_members_up") >= 4, page);
        Process victim = nodes.get(2);
        victim.destroyForcibly(); // SIGKILL: no leaving, no goodbye
        assertTrue(victim.waitFor(30, TimeUnit.SECONDS), "the killed node did not exit");
        Path done = onCluster.get(300, TimeUnit.SECONDS);
        assertSameOutputs(local, done);
        assertFailoverRecorded(done);
    }

    @Order(6)
    @Test
    void aNodeKilledMidTrainingCostsAResumeFromTheLastCheckpoint() throws Exception {
        // Two nodes are left by the test before; a second cluster file waits for those two. Each step
        // is a round trip, so the run is still going when the first checkpoint (step 50) appears.
        Path twoNodes = tmp.resolve("cluster-two.conf");
        Files.writeString(twoNodes, Files.readString(clusterFile).replace("shard-nodes = 3", "shard-nodes = 2"));
        List<String> set = List.of("shards=4", "block-size=32", "network.width=256", "training.time=0.1",
                "observe.report-every=0.01", "observe.test-samples=200", "checkpoint.every=0.005");
        String scenario = "scenarios/mmn-isotropic-gaussians.conf";
        Path local = run(scenario, set, tmp.resolve("training-failover-local"), null);
        Path out = tmp.resolve("training-failover-cluster");
        CompletableFuture<Path> onCluster = CompletableFuture.supplyAsync(() -> run(scenario, set, out, twoNodes));
        awaitCheckpoint(out, onCluster);
        Process victim = nodes.get(1);
        victim.destroyForcibly(); // SIGKILL
        assertTrue(victim.waitFor(30, TimeUnit.SECONDS), "the killed node did not exit");
        Path done = onCluster.get(300, TimeUnit.SECONDS);
        assertSameOutputs(local, done);
        assertArrayEquals(Files.readAllBytes(local.resolve("neurons.csv")), Files.readAllBytes(done.resolve(
                "neurons.csv")), "neurons.csv");
        assertFailoverRecorded(done);
    }

    /** The run's /metrics page (bounded: 20 s). */
    private static String scrape(int port) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration
                .ofSeconds(10)).build();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                + "/metrics")).timeout(java.time.Duration.ofSeconds(20)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The value of the one series of {@code name} on {@code page}, checking it has the run's tags. */
    private static double gauge(String page, String name) {
        List<String> lines = page.lines().filter(l -> l.startsWith(name + "{")).toList();
        assertEquals(1, lines.size(), name + " in\n" + page);
        String l = lines.get(0);
        assertTrue(l.contains("scenario=\"small-escape\"") && l.contains("run_id=\""), l);
        return Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
    }

    /** Waits (bounded) until the run staged in {@code out} has written a checkpoint, while it still runs. */
    private static void awaitCheckpoint(Path out, CompletableFuture<Path> running) throws InterruptedException {
        Path manifest = RunDirectory.stagingOf(out).resolve("checkpoint").resolve("manifest.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!Files.isRegularFile(manifest)) {
            assertTrue(!running.isDone(), () -> "the run ended before a node could be killed: " + running.join());
            assertTrue(System.nanoTime() < deadline, "no checkpoint within 240 s");
            Thread.sleep(20);
        }
    }

    private static void assertFailoverRecorded(Path done) throws IOException {
        String runJson = Files.readString(done.resolve("run.json"));
        assertTrue(runJson.matches("(?s).*\"failovers\" : \\[ \\{\\s*\"node\" : \"127\\.0\\.0\\.1:\\d+\",\\s*"
                + "\"resumed_from_step\" : [1-9]\\d*.*"), runJson);
    }

    /** The run in one JVM and on the cluster give the same summary.json and CSV files, byte for byte. */
    private Path sameBytes(String scenario, List<String> set, String name) throws IOException {
        Path local = run(scenario, set, tmp.resolve(name + "-local"), null);
        Path cluster = run(scenario, set, tmp.resolve(name + "-cluster"), clusterFile);
        assertSameOutputs(local, cluster);
        String runJson = Files.readString(cluster.resolve("run.json"));
        assertTrue(runJson.contains("\"shard_nodes\" : 3") && !runJson.contains("\"runs_placed\" : 0"), runJson);
        return cluster;
    }

    /** Runs {@code scenario} into {@code out}, in this JVM ({@code onCluster} null) or on that cluster file's nodes. */
    private Path run(String scenario, List<String> set, Path out, Path onCluster) {
        return run(scenario, set, out, onCluster, "--no-metrics");
    }

    /** As above, with {@code metrics} the run's metrics flags. */
    private Path run(String scenario, List<String> set, Path out, Path onCluster, String... metrics) {
        List<String> a = new ArrayList<>(List.of("run", scenario));
        set.forEach(s -> a.addAll(List.of("--set", s)));
        a.addAll(List.of("--out", out.toString(), "--quiet", "--no-plots"));
        a.addAll(List.of(metrics));
        if (onCluster != null) {
            a.addAll(List.of("--cluster", onCluster.toString()));
        }
        StringWriter err = new StringWriter();
        // The run's report (which says why a run failed) goes to stdout: keep a copy for the failure message.
        java.io.ByteArrayOutputStream report = new java.io.ByteArrayOutputStream();
        java.io.PrintStream console = System.out;
        System.setOut(new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                console.write(b);
                report.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                console.write(b, off, len);
                report.write(b, off, len);
            }
        }, true));
        int code;
        try {
            code = Main.execute(new PrintWriter(err, true), a.toArray(String[]::new));
        } finally {
            System.setOut(console);
        }
        assertEquals(0, code, err + report.toString(java.nio.charset.StandardCharsets.UTF_8) + nodeLogs());
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
