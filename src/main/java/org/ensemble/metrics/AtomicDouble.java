package org.ensemble.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A double that one thread (an actor, the coordinator) writes and the scrape thread reads: the
 * value behind a gauge. Lock-free, so a scrape never waits for compute. NaN until first set, which
 * Prometheus stores as "no value yet" rather than a misleading 0.
 */
final class AtomicDouble {
    private final AtomicLong bits = new AtomicLong(Double.doubleToLongBits(Double.NaN));

    void set(double v) {
        bits.set(Double.doubleToLongBits(v));
    }

    double get() {
        return Double.longBitsToDouble(bits.get());
    }
}
