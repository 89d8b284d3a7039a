package org.ensemble.failures;

/** One of the gradient-failure studies a {@code failures} scenario section asks for, with its settings. */
public sealed interface FailureProblem permits ParityScaleSpec, LinearPeriodicSpec, DecompositionSpec {
    /** The section's {@code study} key. */
    String key();

    NetworkSettings network();
}
