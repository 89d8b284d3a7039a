package org.ensemble.run;

/** A run that could not produce results (nothing is written, unless a checkpoint to resume from). */
public final class RunFailedException extends RuntimeException {
    public RunFailedException(String message) {
        super(message);
    }

    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * {@code e} as the CLI should show it: when the failed run left a checkpoint in {@code out}'s
     * staging directory, the message says so and how to continue.
     */
    static RuntimeException withResumeHint(RuntimeException e, java.nio.file.Path out) {
        // Bad input (exit 2) stays as it is: e.g. another live run owns this directory and its checkpoint.
        if (e instanceof IllegalArgumentException || !org.ensemble.output.RunDirectory.keptCheckpoint(out)) {
            return e;
        }
        return new RunFailedException(e.getMessage() + "; the run's last checkpoint is kept: fix the cause and continue"
                + " with `ensemble resume " + out + "`", e);
    }
}
