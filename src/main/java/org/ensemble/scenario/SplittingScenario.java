package org.ensemble.scenario;

import java.nio.file.Path;
import java.util.List;
import org.ensemble.splitting.AmsSpec;

/**
 * A rare-escape scenario (a file with a {@code splitting} section): adaptive multilevel splitting
 * of overdamped Langevin dynamics between A = {ξ ≤ a} and B = {ξ ≥ b} at one or more β.
 * {@link #resolved()} is the HOCON text with every default filled in.
 *
 * @param ams  the computation (all β and runs)
 * @param flux the direct run for the MFPT by the renewal formula, or null for none
 * @param ffs  forward flux sampling instead of AMS (method = ffs), or null
 * @param replicaStudy further replica counts at which to repeat the AMS runs (the relative error
 *                     against n), empty for none
 * @param committor    the PDE grid for the exact 2-D committor with ball-shaped A and B, or null
 * @param saveReactive how many trajectories that reached B to write to {@code reactive.csv} per β
 *                     (from the first runs, every step), 0 for none
 */
public record SplittingScenario(String name, Path source, long seed, int shards, String potentialType, AmsSpec ams,
                                String coordinate, Flux flux, Ffs ffs, int[] replicaStudy, double checkpointEvery,
                                Grid committor, int saveReactive, String resolved)
        implements PopulationScenario {
    /**
     * The {@code mfpt} section: {@code particles} started at {@code from} in A run for {@code time}
     * each, timing loops A → Σ → A; AMS then starts from their entry points into Σ.
     */
    public record Flux(double[] from, int particles, double time) {
    }

    /**
     * The box [low, high] (zero-flux walls) and cells per axis of the grid on which the committor is
     * solved; the run also solves at cells / 2 to estimate the discretisation error.
     */
    public record Grid(double[] low, double[] high, int cells) {
    }

    /** Forward flux sampling: {@code trials} per stage, interfaces λ₁ < … < λ_m = b. */
    public record Ffs(double[] interfaces, int trials) {
    }

    @Override
    public String render() {
        return resolved;
    }

    @Override
    public String summaryLine() {
        String method = ffs == null ? String.format("ams n=%d k=%d", ams.replicas(), ams.kill())
                : String.format("ffs %d interfaces × %d trials", ffs.interfaces().length, ffs.trials());
        return String.format("%-12s d=%d  %s runs=%d β=%s  %s ≤ %s | %s ≥ %s", "splitting", ams.dimension(), method,
                ams.runsPerBeta(), java.util.Arrays.toString(ams.betas()), coordinate, ams.a(), coordinate, ams.b());
    }

    @Override
    public String sizeLine() {
        return String.format("%d %s runs of %d %s at %d β, dt = %s, %s", ams.runsPerBeta(), ffs == null ? "AMS" : "FFS",
                ams.replicas(), ffs == null ? "replicas" : "trials per stage", ams.betas().length, ams.dt(),
                potentialType);
    }

    @Override
    public SplittingScenario withOverrides(List<String> overrides) {
        return SplittingScenarioLoader.reload(this, overrides);
    }
}
