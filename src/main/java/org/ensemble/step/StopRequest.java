package org.ensemble.step;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A request to stop a run at its next step barrier, set by SIGINT or SIGTERM while installed. The
 * first signal asks politely (the run ends as interrupted, keeping what it measured); a second one,
 * a second or more later, gets the JVM's default handling, so a stuck run can still be killed from
 * the keyboard.
 */
public final class StopRequest implements BooleanSupplier, AutoCloseable {
    /**
     * Signals within this long of the first are the same request: `timeout`, a scheduler or systemd
     * signal the whole process group, and the launcher passes the one it gets on to java as well.
     */
    static final long SAME_REQUEST_NANOS = 1_000_000_000L;
    private final AtomicReference<String> signal = new AtomicReference<>();
    private volatile long first;
    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;

    private StopRequest(boolean install) {
        previousInt = install ? handle("INT") : null;
        previousTerm = install ? handle("TERM") : null;
    }

    /** Listens to SIGINT and SIGTERM until closed. */
    public static StopRequest onSignals() {
        return new StopRequest(true);
    }

    /** Never stops (tests, benchmarks). */
    public static StopRequest never() {
        return new StopRequest(false);
    }

    private SignalHandler handle(String name) {
        try {
            return Signal.handle(new Signal(name), s -> {
                long now = System.nanoTime();
                if (signal.compareAndSet(null, name)) {
                    first = now;
                    System.err.println("\nensemble: SIG" + name + " received; stopping at the next step barrier (again"
                            + " to kill now)");
                    return;
                }
                if (now - first < SAME_REQUEST_NANOS) {
                    return; // the same request, delivered twice (to the process group and by the launcher)
                }
                Signal.handle(s, SignalHandler.SIG_DFL);
                Signal.raise(s); // a second request: the default action, as if no handler were installed
            });
        } catch (IllegalArgumentException e) {
            return null; // the signal is not available on this platform
        }
    }

    /** Asks for a stop as a signal would (tests). */
    public void request(String name) {
        signal.compareAndSet(null, name);
    }

    @Override
    public boolean getAsBoolean() {
        return signal.get() != null;
    }

    /** 128 + the signal's number, as a shell reports a process the signal ended: 130 (INT), 143 (TERM). */
    public int exitCode() {
        return "TERM".equals(signal.get()) ? 143 : 130;
    }

    @Override
    public void close() {
        restore("INT", previousInt);
        restore("TERM", previousTerm);
    }

    /**
     * Puts back the handler found at installation. Once in a full test suite the JDK handed back a
     * previous handler it could not take again (an NPE inside Signal.handle, after the run had
     * finished and written everything): the default disposition is then the nearest thing, and the
     * run must not end as an internal error for it.
     */
    private static void restore(String name, SignalHandler previous) {
        if (previous == null) {
            return;
        }
        try {
            Signal.handle(new Signal(name), previous);
        } catch (NullPointerException | IllegalArgumentException e) {
            Signal.handle(new Signal(name), SignalHandler.SIG_DFL);
        }
    }
}
