package org.ensemble.run;

/** A run that could not produce results (nothing is written). */
public final class RunFailedException extends RuntimeException {
    public RunFailedException(String message) {
        super(message);
    }
}
