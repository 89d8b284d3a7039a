package org.ensemble.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The coordinator's cluster meters on a run's own {@code /metrics}: how many members are Up, how many
 * of them are shard nodes, and how many of the run's shards are placed and not lost. They read the
 * cluster's state when scraped and carry the run's common tags (scenario, run_id, backend), like the
 * run's other meters. A run that is not on a cluster gets none.
 */
public final class ClusterMeters {
    private ClusterMeters() {
    }

    /** Adds the gauges to {@code registry} when this process's runs are placed on a cluster; else nothing. */
    public static void bindTo(MeterRegistry registry) {
        ClusterEngine e = ClusterEngine.active();
        if (e == null) {
            return;
        }
        Gauge.builder("ensemble.cluster.members.up", e, ClusterEngine::membersUp).strongReference(true)
                .description("Cluster members Up, the coordinator's node included").register(registry);
        Gauge.builder("ensemble.cluster.shard.nodes.up", e, ClusterEngine::shardNodesUp).strongReference(true)
                .description("Shard nodes Up (members with role shards)").register(registry);
        Gauge.builder("ensemble.cluster.shards.live", e, ClusterEngine::liveShards).strongReference(true)
                .description("Shards of this run placed on nodes and not lost").register(registry);
    }
}
