package org.ensemble.sgd;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;

/**
 * {@code timing = wall}: the M workers run truly at once, one thread each, against the server, and
 * the delays are whatever the machine makes them: a worker pulls the current version, computes its
 * batch's gradient sum without holding anything, and pushes; the server applies pushes in the order
 * they arrive (asynchronous SGD, optionally with momentum or delay compensation) and records the
 * staleness each one had. The numerics are the simulated mode's ({@link SgdServer},
 * {@link WorkerGradients}); only the interleaving comes from the clock, so a run is NOT reproducible —
 * the observed staleness distribution is the point. Simulated time in reports is wall seconds.
 */
public final class WallClockSgd {
    private WallClockSgd() {
    }

    /** Runs to the settings' last version, a divergence, or {@code stop}; reports in version order. */
    public static StepOutcome run(SgdSettings s, java.util.function.Supplier<SgdModel> models, Consumer<SgdReport> reports,
                                  BooleanSupplier stop) {
        if (s.policy() != Policy.ASP || s.algorithm() == Algorithm.LOCAL_SGD || s.algorithm() == Algorithm.EASGD) {
            throw new IllegalArgumentException("timing = wall runs asynchronous workers (policy = asp, algorithm sgd or"
                    + " dc-asgd); got " + s.policy().key() + "/" + s.algorithm().key());
        }
        SgdServer server = new SgdServer(s, models.get());
        long[] inFlight = new long[s.workers()];
        java.util.Arrays.fill(inFlight, Long.MAX_VALUE);
        long t0 = System.nanoTime();
        Throwable[] failure = new Throwable[1];
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < s.workers(); w++) {
            int worker = w;
            WorkerGradients gradients = WorkerGradients.of(models.get(), s); // each thread its own scratch
            Thread t = new Thread(() -> {
                try {
                    for (long k = 0; ; k++) {
                        long pulled;
                        double[] x;
                        synchronized (server) {
                            if (server.done() || stop.getAsBoolean() || failure[0] != null) {
                                return;
                            }
                            pulled = server.version();
                            x = server.parameters(); // never written again: each version is a new array
                            inFlight[worker] = pulled;
                        }
                        GradientJob job = new GradientJob(worker, k, pulled);
                        double[][] sum = gradients.sum(job, x);
                        synchronized (server) {
                            inFlight[worker] = Long.MAX_VALUE;
                            if (server.done()) {
                                return;
                            }
                            double seconds = (System.nanoTime() - t0) / 1e9;
                            Update u = new Update(server.version(), seconds,
                                    List.of(new GradientJob(worker, k, pulled)));
                            SgdReport r = server.apply(u, List.<double[][]>of(sum));
                            long oldest = server.version();
                            for (long v : inFlight) {
                                oldest = Math.min(oldest, v);
                            }
                            server.keepFrom(oldest);
                            if (r != null) {
                                reports.accept(r);
                            }
                        }
                    }
                } catch (Throwable e) {
                    synchronized (server) {
                        if (failure[0] == null) {
                            failure[0] = e;
                        }
                    }
                }
            }, "sgd-worker-" + w);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (server) {
                failure[0] = e;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        synchronized (server) {
            if (failure[0] != null) {
                return new StepOutcome(StepStatus.FAILED, server.version(), "a worker failed: " + failure[0], seconds);
            }
            if (server.diverged()) {
                return new StepOutcome(StepStatus.DIVERGED, server.version(), "the parameters diverged at version "
                        + server.version(), seconds);
            }
            if (!server.done()) {
                return new StepOutcome(StepStatus.INTERRUPTED, server.version(), "stopped at version "
                        + server.version(), seconds);
            }
            return new StepOutcome(StepStatus.COMPLETED, server.version(), "completed", seconds);
        }
    }
}
