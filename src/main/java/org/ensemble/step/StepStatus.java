package org.ensemble.step;

/** How a run of the step protocol ended. */
public enum StepStatus {
    /** Reached its last step. */
    COMPLETED,
    /** Every member was absorbed (escape targets) before the last step. */
    ALL_ABSORBED,
    /** A state or output became NaN or infinite. */
    DIVERGED,
    /** A shard, the reducer or an observer failed, or the actor system stopped. */
    FAILED,
    /** Stopped on request (SIGINT/SIGTERM) at a step barrier. */
    INTERRUPTED
}
