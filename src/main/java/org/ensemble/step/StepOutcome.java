package org.ensemble.step;

/** How a run ended: status, last completed step, a message, and coordinator seconds (start to end). */
public record StepOutcome(StepStatus status, long steps, String message, double seconds) {
}
