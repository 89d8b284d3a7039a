package org.ensemble.metrics;

/**
 * Events per second over a sliding window of recent reports of a running total (particle-steps):
 * the gauge a dashboard shows as "throughput now", where a counter's {@code rate()} in PromQL
 * would lag by its range. One writer ({@link #record}, synchronized, uncontended: the coordinator)
 * and any number of readers ({@link #perSecond}, lock-free: the scrape thread) that read one
 * immutable snapshot through a volatile field.
 *
 * <p>While reports arrive, the rate is (newest total − oldest total in the window) / (their time
 * apart). Once no report has come for a whole window, the run is stalled or finished and the rate
 * decays as the same increase over the time from the oldest sample to now, rather than showing
 * the last throughput forever.
 */
final class SlidingRate {
    /** Samples kept: one per window/CAPACITY at most, so memory stays fixed however often reports come. */
    private static final int CAPACITY = 64;

    private record Snapshot(long baseNanos, double baseTotal, long lastNanos, double lastTotal) {
    }

    private final long windowNanos;
    private final long spacingNanos;
    private final long[] nanos = new long[CAPACITY];
    private final double[] totals = new double[CAPACITY];
    private int head; // index of the oldest sample
    private int size;
    private volatile Snapshot snapshot;

    SlidingRate(long windowNanos) {
        if (windowNanos <= 0) {
            throw new IllegalArgumentException("window must be positive, got " + windowNanos + " ns");
        }
        this.windowNanos = windowNanos;
        this.spacingNanos = Math.max(1, windowNanos / CAPACITY);
    }

    /** The running total reached at time {@code now} (System.nanoTime()). */
    synchronized void record(long now, double total) {
        if (size > 1) {
            int last = (head + size - 1) % CAPACITY;
            int previous = (head + size - 2) % CAPACITY;
            if (now - nanos[previous] < spacingNanos) {
                // The newest sample is still within one spacing of the one before: move it to now
                // instead of adding one, so samples stay a spacing apart (bounded memory).
                nanos[last] = now;
                totals[last] = total;
                publish();
                return;
            }
        }
        if (size == CAPACITY) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        int slot = (head + size) % CAPACITY;
        nanos[slot] = now;
        totals[slot] = total;
        size++;
        // Drop samples older than the window, but keep one at or before its start, so the rate
        // always spans the whole window once the run is that old.
        while (size > 2 && now - nanos[(head + 1) % CAPACITY] >= windowNanos) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        publish();
    }

    private void publish() {
        int last = (head + size - 1) % CAPACITY;
        snapshot = new Snapshot(nanos[head], totals[head], nanos[last], totals[last]);
    }

    /** Per second at time {@code now}; NaN before two reports. */
    double perSecond(long now) {
        Snapshot s = snapshot;
        if (s == null || s.lastNanos == s.baseNanos) {
            return Double.NaN;
        }
        long end = now - s.lastNanos > windowNanos ? now : s.lastNanos;
        return (s.lastTotal - s.baseTotal) / ((end - s.baseNanos) / 1e9);
    }
}
