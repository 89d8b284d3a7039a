package org.ensemble.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves {@code GET /metrics} from a Prometheus registry, always as
 * {@code text/plain; version=0.0.4}, whatever the request's Accept header asks for: Prometheus 2.42
 * asks for OpenMetrics first, and exemplars on {@code _count} in that format take the target down
 * (DESIGN §9). The classic text format cannot carry exemplars, so this cannot happen.
 *
 * <p>Binds to 127.0.0.1 unless told otherwise: the page names the host's scenario and seed and is
 * not meant for the network. Requests run on two daemon threads of its own (the JDK server's
 * dispatcher thread only accepts), so a scrape never queues behind the compute pool; a scrape
 * reads atomics and never takes a lock the compute threads hold.
 */
public final class MetricsServer implements AutoCloseable {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 9464;
    /** Longest {@link #closeAfter} grace: a forgotten flag must not keep a process alive for days. */
    public static final Duration MAX_GRACE = Duration.ofHours(1);

    static {
        // The JDK server writes the headers and the body as separate segments; with Nagle's
        // algorithm on, the body waits for the ACK of the headers, which Linux delays by 40 ms: a
        // scrape took ~48 ms at the median instead of ~4 ms (ScrapeLatencyMeasurement). The
        // property is read once, when the JDK's server first starts; a value the user set wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Requests to /metrics answered: none means nobody scrapes, so there is no last scrape to wait for. */
    private final AtomicLong scrapes = new AtomicLong();
    /** The run being served; replaced between the runs of a sweep. Null: an empty page. */
    private volatile PrometheusMeterRegistry registry;

    private MetricsServer(HttpServer server, ExecutorService executor, PrometheusMeterRegistry registry) {
        this.server = server;
        this.executor = executor;
        this.registry = registry;
    }

    /** Serves {@code registry} on 127.0.0.1:9464. */
    public static MetricsServer start(PrometheusMeterRegistry registry) {
        return start(DEFAULT_BIND, DEFAULT_PORT, registry);
    }

    /**
     * Starts serving {@code registry} (null: an empty page until {@link #serve}) on {@code bind}
     * and {@code port}; port 0 picks a free port ({@link #port()}).
     *
     * @throws MetricsPortInUseException when the port is taken
     * @throws IllegalArgumentException when the port is out of range or the address cannot be bound
     */
    public static MetricsServer start(String bind, int port, PrometheusMeterRegistry registry) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--metrics-port: expected 0..65535, got " + port);
        }
        InetSocketAddress address = new InetSocketAddress(bind, port);
        if (address.isUnresolved()) {
            // Otherwise the JDK fails with "java.net.SocketException: Unresolved address".
            throw new IllegalArgumentException("--metrics-bind " + bind + ": expected an IP address or host name of"
                    + " this machine, e.g. 127.0.0.1 or 0.0.0.0");
        }
        HttpServer s;
        try {
            s = HttpServer.create(address, 16);
        } catch (BindException e) {
            // The JDK reports a taken port and an address this host does not have (e.g. a typo in
            // --metrics-bind) with the same exception type; only the message tells them apart.
            if (e.getMessage() != null && e.getMessage().contains("in use")) {
                throw new MetricsPortInUseException(bind, port, e);
            }
            throw new IllegalArgumentException("cannot serve metrics on " + bind + ":" + port + ": " + e.getMessage()
                    + " (check --metrics-bind)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serve metrics on " + bind + ":" + port + ": " + e.getMessage()
                    + " (check --metrics-bind and --metrics-port)", e);
        }
        ExecutorService ex = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "metrics-http");
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(ex);
        MetricsServer m = new MetricsServer(s, ex, registry);
        s.createContext("/metrics", m::handle);
        s.createContext("/", m::notFound);
        s.start();
        return m;
    }

    /** Serves {@code r} from now on (the next run of a sweep). */
    public void serve(PrometheusMeterRegistry r) {
        this.registry = r;
    }

    /** The port actually bound (the free one chosen when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** How many GET or HEAD requests /metrics has answered. */
    public long scrapes() {
        return scrapes.get();
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port() + "/metrics";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                ex.sendResponseHeaders(405, -1);
                return;
            }
            scrapes.incrementAndGet();
            PrometheusMeterRegistry r = registry;
            // The Accept header is deliberately ignored (see the class comment).
            byte[] body = (r == null ? "" : r.scrape(CONTENT_TYPE)).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            if ("HEAD".equals(method)) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private void notFound(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = "Ensemble metrics are at /metrics\n".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(404, body.length);
            ex.getResponseBody().write(body);
        }
    }

    /**
     * Keeps serving the final values for {@code grace} (at most {@link #MAX_GRACE}), so Prometheus
     * gets a last scrape after the run, then stops. Blocks the caller meanwhile.
     */
    public void closeAfter(Duration grace) {
        long ms = Math.min(Math.max(0, grace.toMillis()), MAX_GRACE.toMillis());
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    /** Stops serving; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
