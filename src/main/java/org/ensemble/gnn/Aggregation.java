package org.ensemble.gnn;

/**
 * How a node combines the multiset of its neighbours' vectors, feature by feature. Sums are exact
 * (rounded once), so every aggregation is a function of the multiset alone — not of the order in
 * which the senders are stored — and nodes with equal neighbourhoods get equal bits.
 */
public enum Aggregation {
    SUM("sum"),
    MEAN("mean"),
    MAX("max"),
    MIN("min");

    private final String key;

    Aggregation(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Aggregation of(String key) {
        for (Aggregation a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown aggregation '" + key + "'");
    }
}
