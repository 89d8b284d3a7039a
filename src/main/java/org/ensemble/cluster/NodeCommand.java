package org.ensemble.cluster;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ensemble node --cluster FILE}: a shard node, until it is stopped (Ctrl-C, SIGTERM). */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Start a cluster node that hosts shard actors for runs started with `ensemble run --cluster`;"
                + " it runs until stopped (Ctrl-C).")
public final class NodeCommand implements Callable<Integer> {
    @Option(names = "--cluster", paramLabel = "FILE", required = true,
            description = "cluster file (HOCON: cluster { seed-nodes, host, port, roles, metrics-port, ... })")
    Path file;

    @Option(names = "--port", paramLabel = "PORT", description = "this node's port (overrides cluster.port; 0: any"
            + " free port)")
    Integer port;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "this node's /metrics port (overrides"
            + " cluster.metrics-port; 0: none)")
    Integer metricsPort;

    @Override
    public Integer call() throws Exception {
        ClusterFile f = ClusterFile.load(file).withPorts(port, metricsPort);
        AtomicInteger live = new AtomicInteger();
        ActorSystem<ShardHost.Command> system = ClusterSystem.start(ShardHost.create(ClusterSystem.version(), live), f);
        try (NodeMetrics metrics = NodeMetrics.start(f, system, live)) {
            System.out.println("node up at " + system.address() + " (roles " + f.roles() + ")"
                    + (metrics.port() > 0 ? ", metrics on http://127.0.0.1:" + metrics.port() + "/metrics" : "")
                    + "; Ctrl-C to stop");
            System.out.flush();
            system.getWhenTerminated().toCompletableFuture().get();
        }
        return 0;
    }
}
