package org.ensemble.step;

/** What one shard actor owns, for every population kind. */
public enum Granularity {
    /** A shard actor owns a contiguous range of blocks (default; the only way to large N). */
    BLOCK("block"),
    /** One actor per member: a particle, a neuron (scenario key {@code particle} or {@code neuron}). */
    MEMBER("member");

    private final String key;

    Granularity(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
