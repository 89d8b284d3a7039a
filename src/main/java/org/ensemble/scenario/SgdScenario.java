package org.ensemble.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ensemble.data.DataSource;
import org.ensemble.sgd.QuadraticModel;
import org.ensemble.sgd.RegressionModel;
import org.ensemble.sgd.SgdModel;
import org.ensemble.sgd.SgdSettings;
import org.ensemble.step.Granularity;

/**
 * An SGD-workers scenario (a file with a {@code workers} section): M workers and a parameter
 * server on a model, parsed into typed values; {@link #render()} is the resolved HOCON.
 *
 * @param modelKind  quadratic, linear-regression or logistic-regression
 * @param curvature  diagonal of H (quadratic)
 * @param noiseSd    square roots of the diagonal of Σ (quadratic)
 * @param data       the data source (regressions, the network), else null
 * @param width      the network's neurons (0 for the other models), with its {@code activation}
 * @param wallTiming workers run truly at once and the delays are observed ({@code timing = wall}; not reproducible)
 * @param burnIn     versions left out of the stationary averages
 * @param stability  the staleness study: a run per (τ, η) instead of one run
 */
public record SgdScenario(String name, Path source, long seed, int shards, Granularity granularity, int blockSize,
                          String modelKind, double[] curvature, double[] noiseSd, String dataKind, DataSource data,
                          int testSamples, int width, org.ensemble.network.Activation activation, boolean wallTiming,
                          SgdSettings settings, long burnIn, Optional<StabilitySpec> stability,
                          double checkpointEvery, String resolved) implements PopulationScenario {

    /** Runs with M = τ + 1 workers (ASP, fixed compute times: delay exactly τ) over a grid of η, noise-free. */
    public record StabilitySpec(List<Integer> taus, double[] lrs, long versions) {
    }

    /** A fresh model (regressions draw their held-out set). */
    public SgdModel model() {
        return switch (modelKind) {
            case "quadratic" -> new QuadraticModel(curvature, noiseSd, seed);
            case "linear-regression" -> new RegressionModel(data, RegressionModel.Loss.SQUARE, testSamples);
            case "two-layer-network" -> new org.ensemble.sgd.NetworkModel(data, width, activation, testSamples);
            default -> new RegressionModel(data, RegressionModel.Loss.LOGISTIC, testSamples);
        };
    }

    public int dimension() {
        return width > 0 ? width * (data.dimension() + 1) : data != null ? data.dimension() : curvature.length;
    }

    @Override
    public String render() {
        return resolved;
    }

    @Override
    public PopulationScenario withOverrides(List<String> overrides) {
        return SgdScenarioLoader.reload(this, overrides);
    }

    @Override
    public String summaryLine() {
        return String.format("%-12s d=%d  M=%-8d %s %s lr=%s versions=%d%s", "sgd-workers", dimension(),
                settings.workers(), settings.policy().key() + (settings.algorithm() == org.ensemble.sgd.Algorithm.SGD
                        ? "" : "/" + settings.algorithm().key()), modelKind, settings.lr(), settings.versions(),
                stability.map(st -> "  stability study τ × " + st.taus().size() + ", η × " + st.lrs().length)
                        .orElse(""));
    }

    @Override
    public String sizeLine() {
        return String.format("%d server versions, %d workers (%s, batch %d, %s), %s", settings.versions(),
                settings.workers(), settings.policy().key(), settings.batch(), settings.delays().describe(),
                model().describe());
    }
}
