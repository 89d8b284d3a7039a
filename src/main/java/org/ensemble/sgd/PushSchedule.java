package org.ensemble.sgd;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Which worker's push lands at which server version, with which stale version — a deterministic
 * function of the policy, the worker count and the delay model (no gradients involved, so tests
 * call it alone). Workers start at time 0; a worker that finishes pushes (the server's version goes
 * up by one) and at once pulls the new version and starts its next gradient, unless SSP makes it
 * wait until the slowest worker is within the bound; released workers pull at the release time.
 * Ties in time go to the lower worker id. Under BSP an update is a round of all M workers.
 */
public final class PushSchedule {
    private final Policy policy;
    private final int workers;
    private final int bound;
    private final DelayModel delays;
    private final long[] pushed;
    private final long[] pulled;
    private final boolean[] waiting;
    private final PriorityQueue<double[]> running = new PriorityQueue<>((a, b) -> a[0] != b[0]
            ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
    private long version;
    private double clock;

    public PushSchedule(Policy policy, int workers, int bound, DelayModel delays) {
        if (workers < 1 || bound < 0) {
            throw new IllegalArgumentException("a push schedule needs ≥ 1 worker and a staleness bound ≥ 0");
        }
        this.policy = policy;
        this.workers = workers;
        this.bound = bound;
        this.delays = delays;
        this.pushed = new long[workers];
        this.pulled = new long[workers];
        this.waiting = new boolean[workers];
        if (policy != Policy.BSP) {
            for (int w = 0; w < workers; w++) {
                start(w, 0);
            }
        }
    }

    /** The next update (version {@code from} → {@code from + 1}). */
    public Update next() {
        if (policy == Policy.BSP) {
            double longest = 0;
            List<GradientJob> jobs = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                jobs.add(new GradientJob(w, version, version));
                longest = Math.max(longest, delays.computeTime(w, version, workers));
            }
            clock += longest;
            return new Update(version++, clock, jobs);
        }
        double[] e = running.poll();
        double time = e[0];
        int w = (int) e[1];
        Update u = new Update(version++, time, List.of(new GradientJob(w, pushed[w], pulled[w])));
        pushed[w]++;
        if (allowed(w)) {
            start(w, time);
        } else {
            waiting[w] = true;
        }
        for (int v = 0; v < workers; v++) {
            if (waiting[v] && allowed(v)) {
                waiting[v] = false;
                start(v, time);
            }
        }
        return u;
    }

    /** The oldest version a running worker holds (versions below it are no longer needed by anyone). */
    public long oldestPulled() {
        long min = version;
        for (int w = 0; w < workers; w++) {
            if (policy != Policy.BSP && !waiting[w]) {
                min = Math.min(min, pulled[w]);
            }
        }
        return min;
    }

    private boolean allowed(int w) {
        if (policy != Policy.SSP) {
            return true;
        }
        long slowest = Long.MAX_VALUE;
        for (long p : pushed) {
            slowest = Math.min(slowest, p);
        }
        return pushed[w] - slowest <= bound;
    }

    private void start(int w, double time) {
        pulled[w] = version;
        running.add(new double[]{time + delays.computeTime(w, pushed[w], workers), w});
    }
}
