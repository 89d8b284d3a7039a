package org.ensemble.cluster;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the step protocol put on the wire, as the coordinator's node counted it (no actors): per
 * message type, how many messages and how many bytes the CBOR serializer wrote for them (Artery adds
 * its own envelope, a few tens of bytes per message, not counted here), and over how many steps.
 * Thread-safe: the coordinator's taps add from their own threads.
 */
public final class WireVolume {
    /** Messages of one type and their serialized bytes. */
    public record Count(long messages, long bytes) {
    }

    private final Map<String, LongAdder[]> byType = new ConcurrentHashMap<>();
    private final AtomicLong steps = new AtomicLong();

    /** One message of {@code type} that serialized to {@code bytes} bytes. */
    public void add(String type, long bytes) {
        LongAdder[] c = byType.computeIfAbsent(type, t -> new LongAdder[] {new LongAdder(), new LongAdder()});
        c[0].increment();
        c[1].add(bytes);
    }

    /** {@code n} more steps were advanced (a resumed run's recomputed steps count again: so does their traffic). */
    public void addSteps(long n) {
        steps.addAndGet(n);
    }

    public long steps() {
        return steps.get();
    }

    /** Per message type (its simple class name), in name order. */
    public Map<String, Count> counts() {
        Map<String, Count> out = new TreeMap<>();
        byType.forEach((t, c) -> out.put(t, new Count(c[0].sum(), c[1].sum())));
        return out;
    }

    /** Every counted byte. */
    public long bytes() {
        return counts().values().stream().mapToLong(Count::bytes).sum();
    }

    /** Bytes per step over the whole run (checkpoints and resumes included, amortized); NaN before any step. */
    public double bytesPerStep() {
        long s = steps.get();
        return s == 0 ? Double.NaN : bytes() / (double) s;
    }
}
