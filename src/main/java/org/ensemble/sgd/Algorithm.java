package org.ensemble.sgd;

import java.util.List;

/** What the server does with a push: plain SGD, or delay-compensated ASGD (Zheng et al. 2017). */
public enum Algorithm {
    SGD("sgd"),
    /** g + λ g⊙g⊙(w − w_stale): a diagonal Taylor correction of the stale gradient. */
    DC_ASGD("dc-asgd"),
    /**
     * Local SGD / periodic averaging (BSP): each worker takes H SGD steps of its own from the server's
     * parameters, and the server's next version is the mean of the workers' parameters.
     */
    LOCAL_SGD("local-sgd"),
    /**
     * Elastic averaging SGD (Zhang, Choromanska, LeCun 2015; BSP): every H local steps worker i moves
     * x_i ← x_i − α(x_i − x̃) and the center x̃ ← x̃ + α Σ_i (x_i − x̃), both from the values before.
     */
    EASGD("easgd");

    private final String key;

    Algorithm(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static List<String> keys() {
        return List.of("sgd", "dc-asgd", "local-sgd", "easgd");
    }

    public static Algorithm parse(String key) {
        for (Algorithm a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("expected one of " + keys() + ", got '" + key + "'");
    }
}
