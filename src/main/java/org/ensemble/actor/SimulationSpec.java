package org.ensemble.actor;

import org.ensemble.engine.ObservationSpec;
import org.ensemble.engine.RunPlan;
import org.ensemble.kernel.LangevinSetup;
import org.ensemble.kernel.Steppers;
import org.ensemble.population.BlockLayout;
import org.ensemble.population.InitialCondition;

/** Everything {@link Simulation} needs to set a run up. */
public record SimulationSpec(LangevinSetup setup, InitialCondition init, BlockLayout layout, int shards,
                             Granularity granularity, Steppers.Resolved backend, ObservationSpec observation,
                             RunPlan plan) {
}
