package org.ensemble.kernel;

/** A backend that was asked for explicitly cannot run (no OpenCL, or the kernel fell back to Java). */
public final class BackendUnavailableException extends RuntimeException {
    public BackendUnavailableException(String message) {
        super(message);
    }
}
