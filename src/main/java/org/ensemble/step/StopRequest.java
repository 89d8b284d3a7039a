package org.ensemble.step;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A request to stop a run at its next step barrier, set by SIGINT or SIGTERM while installed. The
 * first signal asks politely (the run ends as interrupted, keeping what it measured); a second one
 * gets the JVM's default handling, so a stuck run can still be killed from the keyboard.
 */
public final class StopRequest implements BooleanSupplier, AutoCloseable {
    private final AtomicReference<String> signal = new AtomicReference<>();
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
                if (!signal.compareAndSet(null, name)) {
                    return;
                }
                System.err.println("\nensemble: SIG" + name + " received; stopping at the next step barrier (again to"
                        + " kill now)");
                Signal.handle(s, SignalHandler.SIG_DFL);
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
        if (previousInt != null) {
            Signal.handle(new Signal("INT"), previousInt);
        }
        if (previousTerm != null) {
            Signal.handle(new Signal("TERM"), previousTerm);
        }
    }
}
