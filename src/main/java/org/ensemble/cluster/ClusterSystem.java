package org.ensemble.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import org.apache.pekko.actor.BootstrapSetup;
import org.apache.pekko.actor.setup.ActorSystemSetup;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProviderSetup;
import org.ensemble.step.StepCoordinator;
import org.ensemble.step.WireMessage;

/**
 * Starts this JVM's member of an Ensemble cluster (system name {@value #NAME}) from a
 * {@link ClusterFile}: Artery on the file's host and port, the seed nodes, the roles, CBOR for the
 * step protocol, Java serialisation off, the split-brain resolver, and a bounded wait to be Up. A port
 * in use or a cluster that cannot be joined in time is one line (bad input), never a hang.
 */
public final class ClusterSystem {
    public static final String NAME = "ensemble";

    private ClusterSystem() {
    }

    /** The Pekko settings of a member described by {@code f}. */
    static Config config(ClusterFile f) {
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        String wire = WireMessage.class.getName();
        return ConfigFactory.parseString(String.join("\n",
                        "pekko.loglevel = WARNING",
                        "pekko.stdout-loglevel = WARNING",
                        "pekko.log-dead-letters = off",
                        "pekko.log-dead-letters-during-shutdown = off",
                        "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = on",
                        "pekko.coordinated-shutdown.exit-jvm = off",
                        "pekko.actor.provider = cluster",
                        "pekko.actor.allow-java-serialization = off",
                        "pekko.actor.warn-about-java-serializer-usage = on",
                        "pekko.actor.serialization-bindings { \"" + wire + "\" = " + WireFormat.SERIALIZER + " }",
                        "pekko.remote.artery.transport = tcp",
                        // Checkpoint rows and restores are one message per shard: the frame must hold them
                        // (8 bytes per value plus CBOR's 9; see the cluster notes in docs/ARCHITECTURE.md).
                        "pekko.remote.artery.advanced.maximum-frame-size = " + f.frameBytes(),
                        "pekko.remote.artery.advanced.buffer-pool-size = 16",
                        "pekko.remote.artery.advanced.outbound-message-queue-size = 3072",
                        "pekko.cluster.jmx.enabled = off",
                        "pekko.cluster.log-info = off",
                        "pekko.cluster.downing-provider-class = \"org.apache.pekko.cluster.sbr.SplitBrainResolverProvider\"",
                        // keep-majority: the side with most members survives; a coordinator that finds itself
                        // in a minority is downed and its run fails (bounded), never two halves computing on.
                        "pekko.cluster.split-brain-resolver.active-strategy = keep-majority",
                        "pekko.cluster.split-brain-resolver.stable-after = " + f.stableAfter().toMillis() + "ms",
                        "pekko.cluster.split-brain-resolver.down-all-when-unstable = on",
                        // A loaded machine pauses JVMs for seconds; a generous pause (8 s by default) avoids
                        // downing a busy node.
                        "pekko.cluster.failure-detector.acceptable-heartbeat-pause = " + f.heartbeatPause().toMillis()
                                + "ms",
                        "pekko.cluster.shutdown-after-unsuccessful-join-seed-nodes = off",
                        StepCoordinator.COMPUTE_DISPATCHER + " {",
                        "  type = Dispatcher",
                        "  executor = thread-pool-executor",
                        "  thread-pool-executor.fixed-pool-size = " + cores,
                        "  throughput = 1",
                        "}"))
                .withValue("pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(f.host()))
                .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(f.port()))
                .withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(f.seedAddresses()))
                .withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(f.roles()))
                .withFallback(ConfigFactory.load());
    }

    /** Starts the member and waits, at most the file's join timeout, until it is Up. */
    public static <T> ActorSystem<T> start(Behavior<T> guardian, ClusterFile f) {
        requireFree(f);
        ActorSystem<T> system;
        try {
            system = ActorSystem.create(guardian, NAME, ActorSystemSetup.create(BootstrapSetup.create(config(f)))
                    .withSetup(JacksonObjectMapperProviderSetup.create(new WireFormat())));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(f.file() + ": cluster.port: cannot bind " + f.host() + ":" + f.port()
                    + " (" + rootMessage(e) + "); is another node on that port?");
        }
        Cluster cluster = Cluster.get(system);
        long deadline = System.nanoTime() + f.joinTimeout().toNanos();
        while (cluster.selfMember().status() != MemberStatus.up()) {
            if (System.nanoTime() > deadline) {
                stop(system);
                throw new IllegalArgumentException(f.file() + ": cluster.seed-nodes: could not join " + f.seeds()
                        + " within " + f.joinTimeout().toSeconds() + " s (is the first seed node running, and"
                        + " reachable at that address?)");
            }
            sleep(50);
        }
        return system;
    }

    /** A taken port is refused before Pekko tries it (its own bind failure logs a stack trace). */
    private static void requireFree(ClusterFile f) {
        if (f.port() == 0) {
            return;
        }
        try (java.net.ServerSocket s = new java.net.ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(f.host(), f.port()));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(f.file() + ": cluster.port: cannot bind " + f.host() + ":" + f.port()
                    + " (" + e.getMessage() + "); is another node on that port?");
        }
    }

    /** Leaves the cluster and stops the system, waiting at most 20 s. */
    public static void stop(ActorSystem<?> system) {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // Best effort: the process is ending.
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /**
     * The version a member announces (the jar's, or "dev" from classes); nodes refuse a coordinator of
     * another. The property {@code ensemble.cluster.version} overrides it, so a test can start a node
     * that claims to be another release.
     */
    public static String version() {
        String v = ClusterSystem.class.getPackage().getImplementationVersion();
        return System.getProperty("ensemble.cluster.version", v == null ? "dev" : v);
    }
}
