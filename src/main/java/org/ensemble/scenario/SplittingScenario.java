package org.ensemble.scenario;

import java.nio.file.Path;
import java.util.List;
import org.ensemble.splitting.AmsSpec;

/**
 * A rare-escape scenario (a file with a {@code splitting} section): adaptive multilevel splitting
 * of overdamped Langevin dynamics between A = {ξ ≤ a} and B = {ξ ≥ b} at one or more β.
 * {@link #resolved()} is the HOCON text with every default filled in.
 *
 * @param ams the computation (all β and runs)
 */
public record SplittingScenario(String name, Path source, long seed, int shards, String potentialType, AmsSpec ams,
                                String coordinate, double checkpointEvery, String resolved)
        implements PopulationScenario {
    @Override
    public String render() {
        return resolved;
    }

    @Override
    public String summaryLine() {
        return String.format("%-12s d=%d  ams n=%d k=%d runs=%d β=%s  %s ≤ %s | %s ≥ %s", "splitting",
                ams.dimension(), ams.replicas(), ams.kill(), ams.runsPerBeta(), java.util.Arrays.toString(ams.betas()),
                coordinate, ams.a(), coordinate, ams.b());
    }

    @Override
    public String sizeLine() {
        return String.format("%d AMS runs of %d replicas at %d β, dt = %s, %s", ams.runsPerBeta(), ams.replicas(),
                ams.betas().length, ams.dt(), potentialType);
    }

    @Override
    public SplittingScenario withOverrides(List<String> overrides) {
        return SplittingScenarioLoader.reload(this, overrides);
    }
}
