package org.ensemble.actor;

/** What one actor owns. */
public enum Granularity {
    /** A shard actor owns a contiguous range of blocks (default; the only way to large N). */
    BLOCK("block"),
    /** One actor per particle. */
    PARTICLE("particle");

    private final String key;

    Granularity(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
