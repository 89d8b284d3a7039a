package org.ensemble.graphdynamics;

import java.util.Locale;

/** What a node does with its neighbours' states (the message and aggregate of the built-in models). */
public enum NodeRule {
    /** Phases: m_i = Σ_j w_ij sin(θ_j − θ_i), dθ_i = (ω_i + (K/norm_i) m_i) dt + sqrt(2D) dW (mod 2π). */
    KURAMOTO,
    /** Opinions: m_i = Σ_j w_ij (x_j − x_i), dx_i = (K/norm_i) m_i dt + sqrt(2D) dW (DeGroot at K = dt = 1, norm = degree). */
    CONSENSUS,
    /**
     * Langevin in a potential with edge coupling: m_i = Σ_j w_ij (x_j − x_i),
     * dx_i = (−V'(x_i) + (K/norm_i) m_i) dt + sqrt(2D) dW, D = 1/β ({@link PotentialNodeUpdate}).
     */
    LANGEVIN,
    /** A user's {@link NodeUpdate} class: m_i = Σ_j w_ij message(x_i, x_j), dx_i = drift(i, x_i, (K/norm_i) m_i) dt + noise. */
    CLASS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the rule's update is a {@link NodeUpdate} (Langevin, user classes). */
    public boolean usesUpdate() {
        return this == LANGEVIN || this == CLASS;
    }

    public static NodeRule of(String key) {
        for (NodeRule r : values()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown node rule '" + key + "' (kuramoto, consensus, langevin, class)");
    }
}
