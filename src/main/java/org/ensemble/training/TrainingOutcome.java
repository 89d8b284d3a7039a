package org.ensemble.training;

/** How a training run ended; {@code seconds} from the coordinator's start to its end. */
public record TrainingOutcome(Status status, long steps, String message, double seconds) {
    public enum Status {
        COMPLETED, DIVERGED, FAILED, INTERRUPTED
    }

    public boolean ok() {
        return status == Status.COMPLETED;
    }
}
