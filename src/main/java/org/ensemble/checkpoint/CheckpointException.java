package org.ensemble.checkpoint;

/**
 * A checkpoint that cannot be used: missing, from another scenario, backend or version, or damaged.
 * Its message is one line naming the directory and what was expected (the CLI exits 2 with it).
 */
public final class CheckpointException extends IllegalArgumentException {
    public CheckpointException(String message) {
        super(message);
    }
}
