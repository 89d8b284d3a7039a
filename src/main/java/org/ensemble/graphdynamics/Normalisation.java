package org.ensemble.graphdynamics;

import java.util.Locale;

/** The coupling's divisor: K/N (the mean-field scaling of the complete graph), K/deg_i, or K/⟨deg⟩. */
public enum Normalisation {
    NODES, DEGREE, MEAN_DEGREE;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Normalisation of(String key) {
        for (Normalisation n : values()) {
            if (n.key().equals(key)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown normalisation '" + key + "' (nodes, degree, mean-degree)");
    }
}
