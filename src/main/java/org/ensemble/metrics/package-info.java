/**
 * Live metrics: Micrometer meters of a run (bounded tags), fed from the coordinator's measures,
 * served to Prometheus at /metrics in the 0.0.4 text format on 127.0.0.1 by default.
 */
package org.ensemble.metrics;
