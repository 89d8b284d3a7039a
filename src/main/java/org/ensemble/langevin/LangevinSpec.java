package org.ensemble.langevin;

import org.ensemble.kernel.LangevinSetup;
import org.ensemble.kernel.Steppers;
import org.ensemble.population.BlockLayout;
import org.ensemble.population.InitialCondition;
import org.ensemble.step.Granularity;

/** Everything a run of Langevin particles needs: dynamics, initial law, layout, backend, observation, plan. */
public record LangevinSpec(LangevinSetup setup, InitialCondition init, BlockLayout layout, int shards,
                           Granularity granularity, Steppers.Resolved backend, ObservationSpec observation,
                           RunPlan plan) {
}
