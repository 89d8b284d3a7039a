package org.ensemble.sgd;

import java.util.List;

/**
 * One server update, version {@code from} → {@code from + 1}, at simulated time {@code time}: the
 * mean of its jobs' gradients (one job under SSP/ASP, all M under BSP). All jobs of an update were
 * pulled at the same version, so {@link #staleness()} is one number.
 */
public record Update(long from, double time, List<GradientJob> jobs) {
    public Update {
        jobs = List.copyOf(jobs);
    }

    public long pulled() {
        return jobs.get(0).pulled();
    }

    public long staleness() {
        return from - pulled();
    }
}
