package org.ensemble.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ensemble.step.Granularity;
import org.ensemble.dynamics.LangevinDynamics;
import org.ensemble.kernel.Backend;
import org.ensemble.population.InitialCondition;
import org.ensemble.dynamics.PairInteraction;

/**
 * A scenario parsed into typed, validated values. {@link #resolved()} is the scenario with every
 * default filled in, as HOCON text, for the run directory.
 */
public record Scenario(String name, Path source, long seed, Backend backend, int shards, Granularity granularity,
                       int blockSize, long populationSize, InitialCondition init, PotentialSpec potential,
                       LangevinDynamics dynamics, Optional<Double> meanAttraction,
                       Optional<PairInteraction> pairInteraction, double runTime, double reportEvery,
                       boolean absorbing, List<TargetSpec> targets, int histogramBins, Optional<double[][]> histogramRange,
                       double[] quantiles, java.util.Optional<PdeSpec> pde, boolean switching,
                       double checkpointEvery, String resolved)
        implements PopulationScenario {

    /**
     * The fully resolved scenario (every default filled in) as HOCON text, for {@code scenario.conf}
     * in the run directory; loading it again gives the same scenario (same render).
     */
    public String render() {
        return resolved;
    }

    /**
     * This scenario with further {@code key.path=value} overrides applied, validated like the original
     * (for sweeps: {@code s.withOverrides(List.of("dynamics.beta=3"))}). Errors name {@code --set key.path}.
     */
    public Scenario withOverrides(List<String> overrides) {
        return ScenarioLoader.reload(this, overrides);
    }

    /** Whether particles need a field from the coordinator every step. */
    public boolean interacting() {
        return meanAttraction.isPresent() || pairInteraction.isPresent();
    }

    public int dimension() {
        return potential.potential().dimension();
    }

    public long totalSteps() {
        return Math.max(1, dynamics.stepsFor(runTime));
    }

    public long reportEverySteps() {
        return Math.max(1, Math.min(totalSteps(), dynamics.stepsFor(reportEvery)));
    }

    @Override
    public String summaryLine() {
        return String.format("%-12s d=%d  N=%-8d β=%-5s dt=%-7s T=%s", potential.type(), dimension(), populationSize,
                dynamics.beta(), dynamics.dt(), runTime);
    }

    @Override
    public String sizeLine() {
        return String.format("%d steps of dt = %s, %d particles", totalSteps(), dynamics.dt(), populationSize);
    }
}
