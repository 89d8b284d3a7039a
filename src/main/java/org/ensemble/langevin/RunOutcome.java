package org.ensemble.langevin;

/**
 * How a run ended, with the last merged measure (null if none was made) and the seconds from the
 * coordinator's start to its end (set-up and actor-system start/stop excluded).
 */
public record RunOutcome(Status status, long steps, Measure last, String message, double seconds) {
    public enum Status {
        /** Reached run.time. */
        COMPLETED,
        /** Every particle was absorbed by a target before run.time. */
        ALL_ABSORBED,
        /** A particle's position became NaN or infinite. */
        DIVERGED,
        /** A shard or listener failed. */
        FAILED,
        /** Stopped on request (SIGINT/SIGTERM) at a step barrier; what was measured is kept. */
        INTERRUPTED
    }

    public boolean ok() {
        return status == Status.COMPLETED || status == Status.ALL_ABSORBED;
    }
}
