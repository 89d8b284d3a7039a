package org.ensemble.cli;

import java.time.Duration;
import org.ensemble.metrics.MetricsServer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The metrics grace after a run, during which Ctrl-C only ends the wait: the run has finished and
 * its outputs are written, so the process exits with the run's own code, not 130.
 */
final class GraceWait {
    private GraceWait() {
    }

    static void closeAfter(MetricsServer server, Duration grace) {
        if (grace.isZero() || grace.isNegative()) {
            server.close();
            return;
        }
        Thread waiter = Thread.currentThread();
        Signal interrupt = new Signal("INT");
        SignalHandler previous = null;
        try {
            previous = Signal.handle(interrupt, s -> waiter.interrupt());
        } catch (IllegalArgumentException e) {
            // The JVM does not let us handle SIGINT (-Xrs): Ctrl-C then ends the process as before.
        }
        try {
            server.closeAfter(grace);
        } finally {
            if (previous != null) {
                Signal.handle(interrupt, previous);
            }
            // The interrupt was ours (Ctrl-C), not a request to stop the caller.
            Thread.interrupted();
        }
    }
}
