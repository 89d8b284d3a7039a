package org.ensemble.cluster;

import io.micrometer.core.instrument.Gauge;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.ensemble.metrics.MetricsServer;

/**
 * A node's own {@code /metrics} (on 127.0.0.1, the cluster file's metrics port), every series tagged
 * with the node's {@code host:port}: how many members the node sees Up and how many shard actors it
 * hosts now. Several nodes are scraped as several targets (monitoring/prometheus.yml).
 */
final class NodeMetrics implements AutoCloseable {
    private final MetricsServer server;

    private NodeMetrics(MetricsServer server) {
        this.server = server;
    }

    static NodeMetrics start(ClusterFile f, ActorSystem<?> system, AtomicInteger liveShards) {
        if (f.metricsPort() == 0) {
            return new NodeMetrics(null);
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        String node = system.address().getHost().orElse("?") + ":" + system.address().getPort().orElse(0);
        Cluster cluster = Cluster.get(system);
        Gauge.builder("ensemble_cluster_members_up", cluster, NodeMetrics::up)
                .tag("node", node).description("members this node sees Up").register(registry);
        Gauge.builder("ensemble_cluster_shards_live", liveShards, AtomicInteger::get)
                .tag("node", node).description("shard actors this node hosts now").register(registry);
        try {
            return new NodeMetrics(MetricsServer.start(MetricsServer.DEFAULT_BIND, f.metricsPort(), registry));
        } catch (RuntimeException e) {
            ClusterSystem.stop(system);
            throw new IllegalArgumentException(f.file() + ": cluster.metrics-port: " + e.getMessage());
        }
    }

    int port() {
        return server == null ? 0 : server.port();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    /** How many members {@code c} sees Up. */
    static double up(Cluster c) {
        int n = 0;
        for (Member m : c.state().getMembers()) {
            if (m.status() == MemberStatus.up()) {
                n++;
            }
        }
        return n;
    }
}
