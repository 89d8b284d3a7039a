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

/**
 * Serves {@code GET /metrics} from a Prometheus registry, always as
 * {@code text/plain; version=0.0.4}: Prometheus 2.42 asks for OpenMetrics first, and exemplars on
 * {@code _count} in that format take the target down (DESIGN §9). Two daemon threads of its own,
 * so scrapes never wait for compute threads. Binds to 127.0.0.1 unless told otherwise.
 */
public final class MetricsServer implements AutoCloseable {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    public static final int DEFAULT_PORT = 9464;

    private final HttpServer server;
    private final ExecutorService executor;
    /** The run being served; replaced between the runs of a sweep. Null: an empty page. */
    private volatile PrometheusMeterRegistry registry;

    private MetricsServer(HttpServer server, ExecutorService executor, PrometheusMeterRegistry registry) {
        this.server = server;
        this.executor = executor;
        this.registry = registry;
    }

    /** Serves {@code r} from now on. */
    public void serve(PrometheusMeterRegistry r) {
        this.registry = r;
    }

    /** Starts serving; port 0 picks a free port ({@link #port()}). */
    public static MetricsServer start(String bind, int port, PrometheusMeterRegistry registry) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--metrics-port: expected 0..65535, got " + port);
        }
        HttpServer s;
        try {
            s = HttpServer.create(new InetSocketAddress(bind, port), 16);
        } catch (BindException e) {
            throw new IllegalArgumentException("metrics port " + bind + ":" + port + " is already in use; pick another"
                    + " with --metrics-port, use --metrics-port 0 for a free one, or --no-metrics");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serve metrics on " + bind + ":" + port + ": " + e.getMessage());
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

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port() + "/metrics";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            PrometheusMeterRegistry r = registry;
            byte[] body = (r == null ? "" : r.scrape(CONTENT_TYPE)).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            if ("HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void notFound(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = "Ensemble metrics are at /metrics\n".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(404, body.length);
            ex.getResponseBody().write(body);
        }
    }

    /** Keeps serving the final values for {@code grace} (bounded to an hour), then stops. */
    public void closeAfter(Duration grace) {
        long ms = Math.min(Math.max(0, grace.toMillis()), 3_600_000L);
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
