package org.ensemble.step;

/** What a reducer decides after merging a phase's partials: the next order, or the end of the run. */
public sealed interface Decision permits Decision.Next, Decision.Finish {
    record Next(StepOrder order) implements Decision {
    }

    record Finish(StepStatus status, String message) implements Decision {
    }

    static Decision next(StepOrder order) {
        return new Next(order);
    }

    static Decision finish(StepStatus status, String message) {
        return new Finish(status, message);
    }
}
