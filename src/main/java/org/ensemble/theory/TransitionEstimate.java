package org.ensemble.theory;

import java.util.List;
import java.util.Optional;

/**
 * Theory beside a simulation: where the particles start and end up, the saddles between, the
 * barrier over the highest one, its Eyring–Kramers MFPT and, in 1-D, the exact MFPT.
 */
public record TransitionEstimate(StationaryPoint start, StationaryPoint end, List<StationaryPoint> saddles,
                                 StationaryPoint criticalSaddle, double barrier, double eyringKramersMfpt,
                                 Optional<Double> exactMfpt) {
}
