/**
 * Live metrics of a run for Prometheus and Grafana. {@link org.ensemble.metrics.RunMetrics} is
 * what the engine calls (plain Java types, thread-safe, bounded tags);
 * {@link org.ensemble.metrics.MetricsListener} feeds it from the coordinator's measures;
 * {@link org.ensemble.metrics.MetricsServer} serves the page at /metrics on 127.0.0.1:9464 in the
 * 0.0.4 text format, which {@code promtool check metrics} accepts. Dashboards and the Prometheus
 * and Grafana configuration live in {@code monitoring/} at the top of the repository.
 */
package org.ensemble.metrics;
