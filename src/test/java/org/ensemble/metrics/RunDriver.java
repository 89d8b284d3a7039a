package org.ensemble.metrics;

import java.util.Set;

/**
 * What {@link PrometheusEndToEndTest} scrapes: something that serves /metrics on a loopback port
 * and keeps its meters moving like a run. The one place a test decides where the numbers come
 * from: {@link SyntheticRunDriver} calls every {@link RunMetrics} method itself (the metrics
 * package alone, every dashboard); {@link EngineRunDriver} runs a real scenario through the CLI,
 * so the engine's wiring (MetricsListener) is what feeds the dashboards that scenario concerns.
 */
interface RunDriver extends AutoCloseable {
    /** For messages. */
    String name();

    /** The uids of the dashboards whose every query this run must feed. */
    Set<String> dashboards();

    /** Starts the run and its metrics server; returns the loopback port of /metrics. */
    int start() throws Exception;

    /** True once the run has its final values (the server keeps serving them until close). */
    boolean finished();

    /** Stops the run and the server, with bounded waits. */
    @Override
    void close() throws Exception;
}
