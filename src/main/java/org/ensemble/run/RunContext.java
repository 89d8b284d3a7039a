package org.ensemble.run;

import org.ensemble.langevin.ObservationSpec;

/** What sinks that are set up per run (live metrics) need to know about it. */
public record RunContext(String scenario, String runId, String backend, String device, long seed, long particles,
                         long totalSteps, double dt, ObservationSpec observation) {
}
