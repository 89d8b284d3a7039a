package org.ensemble.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ensemble.data.DataSource;
import org.ensemble.network.NetworkSpec;
import org.ensemble.network.TrainingRule;
import org.ensemble.step.Granularity;

/**
 * A training scenario (a two-layer network trained as a particle system) parsed into typed values.
 * {@link #resolved()} is the HOCON text with every default filled in, for the run directory.
 *
 * @param dataKind        isotropic-gaussians, teacher, parity, hadamard or csv
 * @param reportEvery     steps between reports (and at the end)
 * @param radialOde       the exact reduced ODE to solve beside the particles (isotropic Gaussians)
 * @param study           repeat the run over values of one key and over seeds, and tabulate success
 * @param parityGradients measure the variance of parity gradients over targets against G²/2^d
 */
public record TrainingScenario(String name, Path source, long seed, int shards, Granularity granularity, int blockSize,
                               NetworkSpec network, String dataKind, DataSource data, TrainingRule rule, long steps,
                               long reportEvery, int testSamples, int histogramBins, double[] radiusRange,
                               Optional<RadialOdeSpec> radialOde, Optional<StudySpec> study,
                               Optional<ParityGradientSpec> parityGradients, double checkpointEvery,
                               String resolved)
        implements PopulationScenario {

    /** Quantile nodes, s-quadrature nodes per label and RK4 step of the reduced ODE. */
    public record RadialOdeSpec(int nodes, int sNodes, double dt) {
    }

    /** One sub-run per (value, seed); a run succeeds when its final held-out risk is below {@code successRisk}. */
    public record StudySpec(String key, List<String> values, List<Long> seeds, double successRisk) {
    }

    /** Dimensions, width and seed of the network whose parity gradients are measured; sampled estimate sizes. */
    public record ParityGradientSpec(int[] dimensions, int width, long seed, int targets, int batch) {
    }

    public String render() {
        return resolved;
    }

    public double time(long step) {
        return step * rule.lr();
    }

    /** This scenario with further {@code key.path=value} overrides, validated like the original. */
    public TrainingScenario withOverrides(List<String> overrides) {
        return TrainingScenarioLoader.reload(this, overrides);
    }

    @Override
    public String summaryLine() {
        return String.format("%-12s d=%d  N=%-8d %s lr=%s T=%s data=%s%s", "network", network.inputDim(),
                network.width(), rule.noisy() ? "noisy-sgd" : rule.batch() > 1 ? "minibatch-" + rule.batch() : "sgd",
                rule.lr(), time(steps), dataKind,
                study.map(st -> "  study " + st.key() + " × " + st.values().size() + " × " + st.seeds().size()
                        + " seeds").orElse(""));
    }

    @Override
    public String sizeLine() {
        return String.format("%d steps of lr = %s, %d neurons, %s", steps, rule.lr(), network.width(), data.describe());
    }
}
