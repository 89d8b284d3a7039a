package org.ensemble.metrics;

/**
 * The metrics port is taken (often by another run still serving its final values). An
 * {@link IllegalArgumentException}, because the CLI reports those as a bad flag value, with the
 * message only: the message names the address and port and says how to pick another.
 */
public final class MetricsPortInUseException extends IllegalArgumentException {
    private final String bind;
    private final int port;

    public MetricsPortInUseException(String bind, int port, Throwable cause) {
        super("metrics port " + bind + ":" + port + " is already in use; pick another with --metrics-port, use"
                + " --metrics-port 0 for a free one, or --no-metrics", cause);
        this.bind = bind;
        this.port = port;
    }

    public String bind() {
        return bind;
    }

    public int port() {
        return port;
    }
}
