package org.ensemble.sgd;

import java.util.List;

/** When a worker may start its next gradient, relative to the others. */
public enum Policy {
    /** Bulk-synchronous: every round all M workers compute on the same version; their gradients are averaged. */
    BSP("bsp"),
    /** Stale-synchronous with bound s: a worker's k-th gradient waits until every worker has pushed k − s. */
    SSP("ssp"),
    /** Fully asynchronous: a worker pulls, computes and pushes, never waiting. */
    ASP("asp");

    private final String key;

    Policy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static List<String> keys() {
        return List.of("bsp", "ssp", "asp");
    }

    public static Policy parse(String key) {
        for (Policy p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("expected one of " + keys() + ", got '" + key + "'");
    }
}
