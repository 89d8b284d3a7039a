package org.ensemble.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The most series one meter name may have. Every tag RunMetrics sets is bounded by the scenario
 * (targets, basins, shards, axes, bins), but a scenario with thousands of targets, or a later
 * capability passing an id through the generic hooks, must not turn into a Prometheus cardinality
 * explosion: past the budget new series are dropped (the run goes on) with one warning per name.
 */
final class SeriesBudget {
    private static final Logger LOG = LoggerFactory.getLogger(SeriesBudget.class);

    private final int perName;
    private final Map<String, AtomicInteger> used = new ConcurrentHashMap<>();
    private final Map<String, Boolean> warned = new ConcurrentHashMap<>();

    SeriesBudget(int perName) {
        this.perName = perName;
    }

    /** Takes one series of {@code name}; false (and a warning, once) when its budget is spent. */
    boolean take(String name) {
        AtomicInteger n = used.computeIfAbsent(name, k -> new AtomicInteger());
        if (n.incrementAndGet() <= perName) {
            return true;
        }
        n.decrementAndGet();
        if (warned.putIfAbsent(name, Boolean.TRUE) == null) {
            LOG.warn("metrics: {} already has {} series; dropping new ones (a tag that is not bounded?)", name,
                    perName);
        }
        return false;
    }

    /** Gives one series of {@code name} back (a removed histogram bin). */
    void release(String name) {
        AtomicInteger n = used.get(name);
        if (n != null) {
            n.decrementAndGet();
        }
    }
}
