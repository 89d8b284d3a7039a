package org.ensemble.failures.linear;

/** The parameters of one of this package's studies; {@link LinearFailureStudies} runs it. */
public interface LinearFailureProblem {
    /** The scenario's {@code study} value. */
    String key();
}
