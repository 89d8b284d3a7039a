package org.ensemble.theory;

import java.util.Optional;
import org.ensemble.potential.Potential;

/**
 * From a potential, a start point, a point of the target and β to the theory of the escape:
 * descent from the start point to its minimum, descent from the target point to the target's
 * minimum, the minimum-energy path between them with its saddles ({@link SaddleSearch}), the
 * Eyring–Kramers time over the highest saddle and, in 1-D with a threshold target, the exact MFPT
 * (and, given a step, that of the Euler–Maruyama chain).
 */
public final class TransitionAnalysis {
    private TransitionAnalysis() {
    }

    /**
     * @param threshold1d 1-D only: the threshold of a half-line target (hit when crossed, in the
     *     direction of the target), for the exact MFPT from {@code start}; null for none
     * @return empty when start and target point descend to the same minimum
     */
    public static Optional<TransitionEstimate> analyze(Potential v, double beta, double[] start, double[] targetPoint,
                                                       Double threshold1d) {
        return analyze(v, beta, start, targetPoint, threshold1d, null);
    }

    /**
     * As {@link #analyze(Potential, double, double[], double[], Double)}, and with a threshold and a
     * step {@code dt} also the exact MFPT of the Euler–Maruyama chain with that step
     * ({@link EulerMaruyamaMfpt1D}), the value an overdamped simulation should reproduce.
     */
    public static Optional<TransitionEstimate> analyze(Potential v, double beta, double[] start, double[] targetPoint,
                                                       Double threshold1d, Double dt) {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be positive and finite, got " + beta);
        }
        if (threshold1d != null && v.dimension() != 1) {
            throw new IllegalArgumentException("a threshold target needs a 1-D potential; " + v.name() + " has dimension "
                    + v.dimension());
        }
        MinimumEnergyPath path = SaddleSearch.path(v, start, targetPoint);
        if (path.points().size() == 1) {
            return Optional.empty();
        }
        Optional<Double> exact = threshold1d == null ? Optional.empty()
                : Optional.of(ExactMfpt1D.mfpt(v, beta, start[0], threshold1d));
        Optional<Double> chain = threshold1d == null || dt == null ? Optional.empty()
                : Optional.of(EulerMaruyamaMfpt1D.mfpt(v, beta, dt, start[0], threshold1d));
        return Optional.of(TransitionEstimate.of(beta, path, exact, chain));
    }

    /** Without the exact 1-D MFPT. */
    public static Optional<TransitionEstimate> analyze(Potential v, double beta, double[] start, double[] targetPoint) {
        return analyze(v, beta, start, targetPoint, null);
    }

    /**
     * 1-D escape from {@code start} across {@code threshold} (X ≥ threshold when threshold > start,
     * X ≤ threshold otherwise); the target minimum is the one reached by descent from just beyond
     * the threshold.
     */
    public static Optional<TransitionEstimate> analyze1D(Potential v, double beta, double start, double threshold) {
        double beyond = threshold + Math.copySign(1e-3 * Math.max(1, Math.abs(threshold)), threshold - start);
        return analyze(v, beta, new double[] {start}, new double[] {beyond}, threshold);
    }
}
