package org.ensemble.theory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ensemble.potential.Potential;

/**
 * Locates the start minimum (descent from the initial point), the end minimum (descent from a
 * point of the target), the saddles on the minimum-energy path between them, and the
 * Eyring–Kramers estimate over the highest saddle. For 1-D half-space targets it adds the exact
 * MFPT to the threshold.
 */
public final class TransitionAnalysis {
    private TransitionAnalysis() {
    }

    /**
     * @param threshold1d for 1-D: the target threshold (hit when crossing it), else null
     */
    public static Optional<TransitionEstimate> analyze(Potential v, double beta, double[] start, double[] targetPoint,
                                                       Double threshold1d) {
        StationaryPoint a = Minimizer.minimumFrom(v, start);
        StationaryPoint b = Minimizer.minimumFrom(v, targetPoint);
        if (SaddleSearch.dist(a.x(), b.x()) < 1e-6) {
            return Optional.empty();
        }
        List<StationaryPoint> saddles = SaddleSearch.saddlesBetween(v, a.x(), b.x());
        if (saddles.isEmpty()) {
            return Optional.empty();
        }
        StationaryPoint critical = saddles.stream().max(Comparator.comparingDouble(StationaryPoint::energy)).get();
        double ek = EyringKramers.mfpt(a, critical, beta);
        Optional<Double> exact = Optional.empty();
        if (v.dimension() == 1 && threshold1d != null) {
            exact = Optional.of(ExactMfpt1D.mfpt(v, beta, start[0], threshold1d));
        }
        return Optional.of(new TransitionEstimate(a, b, saddles, critical, critical.energy() - a.energy(), ek, exact));
    }
}
