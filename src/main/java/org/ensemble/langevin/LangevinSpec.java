package org.ensemble.langevin;

import org.ensemble.kernel.EscapeTargets;
import org.ensemble.kernel.LangevinSetup;
import org.ensemble.kernel.Steppers;
import org.ensemble.population.BlockLayout;
import org.ensemble.population.InitialCondition;
import org.ensemble.scenario.Scenario;
import org.ensemble.step.Granularity;

/**
 * Everything a run of Langevin particles needs: dynamics, initial law, layout, backend, observation,
 * plan, and the resolved scenario text they were made from — what the shards rebuild their
 * particles from ({@link LangevinRecipe}), so that nothing but plain data reaches a shard.
 */
public record LangevinSpec(LangevinSetup setup, InitialCondition init, BlockLayout layout, int shards,
                           Granularity granularity, Steppers.Resolved backend, ObservationSpec observation,
                           RunPlan plan, String scenario) {

    /** The spec of scenario {@code s}, with its targets resolved (basins to balls), observation and plan. */
    public static LangevinSpec of(Scenario s, EscapeTargets targets, ObservationSpec observation, RunPlan plan,
                                  Steppers.Resolved backend) {
        return new LangevinSpec(setupOf(s, targets), s.init(), new BlockLayout(s.populationSize(), s.blockSize()),
                s.shards(), s.granularity(), backend, observation, plan, s.resolved());
    }

    /** What the steppers of scenario {@code s} need, with its targets resolved. */
    public static LangevinSetup setupOf(Scenario s, EscapeTargets targets) {
        return new LangevinSetup(s.dynamics(), s.potential().potential(), s.interacting(),
                s.meanAttraction().orElse(0.0), targets, s.absorbing(), s.seed(), s.pairInteraction().orElse(null));
    }
}
