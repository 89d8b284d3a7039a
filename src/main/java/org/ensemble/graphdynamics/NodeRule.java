package org.ensemble.graphdynamics;

import java.util.Locale;

/** What a node does with its neighbours' states (the message and aggregate of the built-in models). */
public enum NodeRule {
    /** Phases: m_i = Σ_j w_ij sin(θ_j − θ_i), dθ_i = (ω_i + (K/norm_i) m_i) dt + sqrt(2D) dW (mod 2π). */
    KURAMOTO,
    /** Opinions: m_i = Σ_j w_ij (x_j − x_i), dx_i = (K/norm_i) m_i dt + sqrt(2D) dW (DeGroot at K = dt = 1, norm = degree). */
    CONSENSUS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NodeRule of(String key) {
        for (NodeRule r : values()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown node rule '" + key + "' (kuramoto, consensus)");
    }
}
