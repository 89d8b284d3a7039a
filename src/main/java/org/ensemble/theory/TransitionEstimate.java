package org.ensemble.theory;

import java.util.List;
import java.util.Optional;

/**
 * Theory beside a simulated escape: the minimum the particles start in, the minimum of the
 * target, the critical points along the minimum-energy path between them, the critical (highest)
 * saddle, the barrier ΔV = V(s*) − V(start), the Eyring–Kramers MFPT over s* at this β and, for 1-D
 * threshold targets, the exact MFPT from the start point to the threshold.
 *
 * @param beta inverse temperature the times are for
 * @param start the minimum whose basin holds the start point
 * @param end the minimum of the target
 * @param path minima and saddles in path order, start and end included
 * @param saddles the path's saddles in path order
 * @param criticalSaddle the highest saddle on the path
 * @param barrier V(criticalSaddle) − V(start)
 * @param eyringKramersMfpt Eyring–Kramers mean exit time from start over criticalSaddle (for underdamped
 *     runs the Kramers–Langer value with the run's friction: see {@link #forUnderdamped})
 * @param exactMfpt 1-D only: exact MFPT of the diffusion from the start point to the threshold
 * @param eulerMaruyamaMfpt 1-D only, when a step was given: exact MFPT of the Euler–Maruyama chain
 *     with that step (what a simulation estimates; hits checked at grid times)
 */
public record TransitionEstimate(double beta, StationaryPoint start, StationaryPoint end, MinimumEnergyPath path,
                                 List<StationaryPoint> saddles, StationaryPoint criticalSaddle, double barrier,
                                 double eyringKramersMfpt, Optional<Double> exactMfpt,
                                 Optional<Double> eulerMaruyamaMfpt) {
    public TransitionEstimate {
        saddles = List.copyOf(saddles);
    }

    /** This estimate for underdamped dynamics with friction γ: the Kramers–Langer prefactor replaces Eyring–Kramers'. */
    public TransitionEstimate forUnderdamped(double friction) {
        return new TransitionEstimate(beta, start, end, path, saddles, criticalSaddle, barrier,
                EyringKramers.underdampedMfpt(start, criticalSaddle, beta, friction), exactMfpt, eulerMaruyamaMfpt);
    }

    /** The estimate for a path with at least one saddle. */
    static TransitionEstimate of(double beta, MinimumEnergyPath path, Optional<Double> exactMfpt,
                                 Optional<Double> eulerMaruyamaMfpt) {
        StationaryPoint critical = path.criticalSaddle()
                .orElseThrow(() -> new IllegalArgumentException("a path without saddles has no barrier"));
        StationaryPoint start = path.start();
        return new TransitionEstimate(beta, start, path.end(), path, path.saddles(), critical,
                critical.energy() - start.energy(), EyringKramers.mfpt(start, critical, beta), exactMfpt,
                eulerMaruyamaMfpt);
    }
}
