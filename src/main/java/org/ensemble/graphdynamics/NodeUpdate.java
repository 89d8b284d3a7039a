package org.ensemble.graphdynamics;

import org.ensemble.gnn.Aggregation;

/**
 * A node's message and update, as a user writes them (scenario: {@code rule = class},
 * {@code update { class = "com.example.MyRule" }}, optional {@code params { }}, {@code classpath}
 * and {@code aggregate}, as for potentials). Each step node i receives m_i = Σ_j w_ij · message(x_i, x_j)
 * over its in-edges (or the {@link #aggregation}'s mean, max or min of the weighted messages), the
 * coupling scales it by K/norm_i, and Euler–Maruyama moves it:
 * x_i ← x_i + drift(i, x_i, (K/norm_i)·m_i)·dt + sqrt(2D·dt)·ξ (then mod 2π when {@link #periodic}).
 *
 * <p>Implementations are plain, immutable and thread-safe (shards call them in parallel, in any
 * order); randomness comes only from the engine's noise. A public constructor taking
 * {@link org.ensemble.potential.PotentialParams} (the scenario's {@code params}, typed getters), one
 * taking a {@code java.util.Map<String, Object>}, or a public no-argument one.
 */
public interface NodeUpdate {
    /** What node j sends to node i along one edge (the edge weight multiplies it). */
    double message(double xi, double xj);

    /** dx_i/dt of node {@code node} at state {@code x}, given its coupled aggregate (K/norm_i)·Σ_j w_ij message. */
    double drift(long node, double x, double coupled);

    /**
     * How the weighted messages w_ij·message are combined: their sum (in CSR order), mean (sum / Σ_j w_ij),
     * max or min; 0 for a node without in-edges.
     */
    default Aggregation aggregation() {
        return Aggregation.SUM;
    }

    /** True for phases: states are kept in [0, 2π). */
    default boolean periodic() {
        return false;
    }

    /** A short human-readable name, for summaries. */
    default String name() {
        return getClass().getSimpleName();
    }
}
