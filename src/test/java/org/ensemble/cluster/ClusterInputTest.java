package org.ensemble.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.ensemble.cli.Main;
import org.ensemble.output.RunDirectory;
import org.ensemble.population.BlockLayout;
import org.ensemble.step.Granularity;
import org.ensemble.step.ShardPlan;
import org.ensemble.step.ShardRange;
import org.ensemble.training.NeuronRecipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad cluster input is one line and exit 2, within a bounded time, with nothing written: a bad
 * cluster file, a seed node nobody runs, a port in use, a node of another version; and a node refuses
 * a recipe it decodes differently from the coordinator (another build), or a coordinator of another
 * version.
 */
class ClusterInputTest {
    private static final String SCENARIO = "src/test/resources/scenarios/small-escape.conf";

    @TempDir
    Path tmp;

    private record Result(int code, String err) {
    }

    private static Result cli(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), args);
        return new Result(code, err.toString());
    }

    private static void assertOneLine(Result r, String contains) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(contains), r.err());
    }

    private Path file(String text) throws Exception {
        Path f = tmp.resolve("cluster-" + System.nanoTime() + ".conf");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aBadClusterFileNamesItsLineAndKey() throws Exception {
        Path f = file("cluster {\n  seed-nodes = [\"127.0.0.1:25520\"]\n  prot = 25521\n}\n");
        assertOneLine(cli("node", "--cluster", f.toString()), f + ":3: cluster.prot: unknown key");
        Path g = file("cluster {\n  seed-nodes = [\"127.0.0.1\"]\n}\n");
        assertOneLine(cli("node", "--cluster", g.toString()), g + ":2: cluster.seed-nodes: expected host:port");
        Path h = file("cluster {\n  seed-nodes = [\"127.0.0.1:25520\"]\n  port = 70000\n}\n");
        assertOneLine(cli("node", "--cluster", h.toString()), h + ":3: cluster.port: expected a port in 0…65535");
        Path d = file("cluster {\n  seed-nodes = [\"127.0.0.1:25520\"]\n  stable-after = 100ms\n}\n");
        assertOneLine(cli("node", "--cluster", d.toString()), d + ":3: cluster.stable-after: expected a duration in"
                + " [0.5 s, 10 min]");
    }

    @Test
    void aSeedNodeNobodyRunsIsOneLineWithinTheJoinTimeout() throws Exception {
        int nobody = ThreeNodeClusterTest.freePorts(1)[0];
        Path f = file("cluster {\n  seed-nodes = [\"127.0.0.1:" + nobody + "\"]\n  join-timeout = 3s\n}\n");
        Path out = tmp.resolve("never");
        long t0 = System.nanoTime();
        Result r = cli("run", SCENARIO, "--out", out.toString(), "--quiet", "--no-plots", "--no-metrics", "--cluster",
                f.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertOneLine(r, "cluster.seed-nodes: could not join");
        assertTrue(seconds < 60, "the join timeout is 3 s; it took " + seconds + " s");
        assertFalse(Files.exists(out) || Files.exists(RunDirectory.stagingOf(out)), "nothing is written");
    }

    @Test
    void aPortInUseIsOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path f = file("cluster {\n  seed-nodes = [\"127.0.0.1:" + taken.getLocalPort() + "\"]\n}\n");
            assertOneLine(cli("node", "--cluster", f.toString(), "--port", Integer.toString(taken.getLocalPort())),
                    "cluster.port: cannot bind 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aNodeOfAnotherVersionRefusesTheRun() throws Exception {
        int port = ThreeNodeClusterTest.freePorts(1)[0];
        Path f = file("cluster {\n  seed-nodes = [\"127.0.0.1:" + port + "\"]\n  port = " + port
                + "\n  join-timeout = 60s\n}\n");
        ActorSystem<ShardHost.Command> node = ClusterSystem.start(ShardHost.create("0.0-other", new AtomicInteger()),
                ClusterFile.load(f));
        try {
            Path out = tmp.resolve("refused");
            Result r = cli("run", SCENARIO, "--set", "shards=2", "--out", out.toString(), "--quiet", "--no-plots",
                    "--no-metrics", "--cluster", f.toString());
            assertOneLine(r, "runs ensemble 0.0-other, the coordinator " + ClusterSystem.version());
            assertFalse(Files.exists(out), "nothing is committed");
        } finally {
            ClusterSystem.stop(node);
        }
    }

    @Test
    void aCheckpointOverTheFrameIsRefusedBeforeTheRun() throws Exception {
        int port = ThreeNodeClusterTest.freePorts(1)[0];
        // 32 KiB frame; 2 shards of 5000 particles checkpoint ≥ 5000 positions at 9 bytes ≈ 45 KB each.
        Path f = file("cluster {\n  seed-nodes = [\"127.0.0.1:" + port + "\"]\n  port = " + port
                + "\n  join-timeout = 60s\n  maximum-frame-size = 32KiB\n}\n");
        ActorSystem<ShardHost.Command> node = ClusterSystem.start(ShardHost.create(ClusterSystem.version(),
                new AtomicInteger()), ClusterFile.load(f));
        try {
            Path out = tmp.resolve("too-big");
            Result r = cli("run", SCENARIO, "--set", "shards=2", "--set", "population.size=10000", "--set",
                    "checkpoint.every=4", "--out",
                    out.toString(), "--quiet", "--no-plots", "--no-metrics", "--cluster", f.toString());
            assertOneLine(r, "cluster.maximum-frame-size: a checkpoint of shard");
            assertFalse(Files.exists(out), "nothing is committed");
            // At 2500 particles per shard the checkpoint rows fit, but the first answer (each block's
            // histogram and events, ~170 KB) does not: the shard's node says so and the run fails with
            // that message instead of waiting for an answer Artery dropped.
            Result lost = cli("run", SCENARIO, "--set", "shards=2", "--set", "population.size=5000", "--out",
                    tmp.resolve("too-big-answer").toString(), "--quiet", "--no-plots", "--no-metrics", "--cluster",
                    f.toString());
            assertEquals(1, lost.code(), lost.err());
            assertTrue(lost.err().contains("over the cluster's maximum-frame-size"), lost.err());
        } finally {
            ClusterSystem.stop(node);
        }
    }

    @Test
    void aHostRefusesARecipeItDecodesDifferentlyAndSpawnsOneItDecodesAlike() throws Exception {
        AtomicInteger live = new AtomicInteger();
        ActorSystem<ShardHost.Command> host = ActorSystem.create(ShardHost.create("v", live), "host",
                com.typesafe.config.ConfigFactory.parseString("ensemble.compute-dispatcher { type = Dispatcher,"
                        + " executor = thread-pool-executor, thread-pool-executor.fixed-pool-size = 2 }")
                        .withFallback(com.typesafe.config.ConfigFactory.load()));
        try {
            NeuronRecipe recipe = new NeuronRecipe(Files.readString(Path.of("scenarios/mmn-isotropic-gaussians.conf")));
            List<ShardRange> ranges = ShardPlan.of(new BlockLayout(40, 8), 2, Granularity.BLOCK);
            ShardHost.Reply bad = ask(host, new ShardHost.Spawn("run-1", "v", "0".repeat(64), recipe, ranges, null));
            assertInstanceOf(ShardHost.Refused.class, bad);
            assertTrue(((ShardHost.Refused) bad).message().contains("decodes the run's scenario differently"),
                    bad.toString());
            ShardHost.Reply old = ask(host, new ShardHost.Spawn("run-2", "w", WireFormat.hash(recipe), recipe, ranges,
                    null));
            assertTrue(((ShardHost.Refused) old).message().contains("runs ensemble v, the coordinator w"), old.toString());
            assertEquals(0, live.get());
            ShardHost.Reply good = ask(host, new ShardHost.Spawn("run-3", "v", WireFormat.hash(recipe), recipe, ranges,
                    null));
            assertEquals(ranges.size(), ((ShardHost.Spawned) good).shards().size());
            // The ask's reply-to (standing in for a run's supervisor) is gone once it has its answer: the
            // host stops that run's shards, as it does when a coordinator's JVM dies.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (live.get() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, live.get(), "the shards of a run whose supervisor is gone are stopped");
        } finally {
            ClusterSystem.stop(host);
        }
    }

    /** Asks {@code host} with {@code m}'s reply-to replaced by the ask's own (bounded: 30 s). */
    private static ShardHost.Reply ask(ActorSystem<ShardHost.Command> host, ShardHost.Spawn m) throws Exception {
        return AskPattern.<ShardHost.Command, ShardHost.Reply>ask(host, replyTo -> new ShardHost.Spawn(m.runId(),
                        m.version(), m.recipeHash(), m.recipe(), m.ranges(), replyTo), Duration.ofSeconds(30),
                host.scheduler()).toCompletableFuture().get(40, TimeUnit.SECONDS);
    }
}
