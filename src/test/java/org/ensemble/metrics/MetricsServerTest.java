package org.ensemble.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    HttpResponse<String> get(String url, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheClassicTextFormatWhateverTheAcceptHeaderAsks() throws Exception {
        try (RunMetrics m = new RunMetrics("s", "r1", "java", "cpu", 7, "dev");
                MetricsServer server = MetricsServer.start("127.0.0.1", 0, m.registry())) {
            m.escapes("right", 3);
            m.mfpt(10, 9, 11, 0.1);
            // What Prometheus 2.42 sends, and plain OpenMetrics alone.
            for (String accept : new String[] {
                    "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
                            + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
                    "application/openmetrics-text"}) {
                HttpResponse<String> r = get(server.url(), accept);
                assertEquals(200, r.statusCode());
                assertEquals("text/plain; version=0.0.4; charset=utf-8",
                        r.headers().firstValue("Content-Type").orElseThrow(), accept);
                assertTrue(r.body().contains("ensemble_escapes_total{backend=\"java\",run_id=\"r1\",scenario=\"s\","
                        + "target=\"right\"} 3.0"), r.body());
                assertTrue(r.body().contains("ensemble_run_info{"), "run info gauge");
                assertFalse(r.body().contains("# EOF"), "an OpenMetrics terminator in what should be 0.0.4");
                assertFalse(r.body().contains("# UNIT"), "OpenMetrics UNIT lines in what should be 0.0.4");
            }
        }
    }

    @Test
    void portZeroPicksAFreePortAndTwoServersGetDifferentOnes() {
        try (MetricsServer a = MetricsServer.start("127.0.0.1", 0, null);
                MetricsServer b = MetricsServer.start("127.0.0.1", 0, null)) {
            assertTrue(a.port() > 0 && b.port() > 0);
            assertNotEquals(a.port(), b.port());
            assertEquals("http://127.0.0.1:" + a.port() + "/metrics", a.url());
        }
    }

    @Test
    void aBusyPortIsAClearErrorNamingAddressAndPort() {
        try (MetricsServer first = MetricsServer.start("127.0.0.1", 0, null)) {
            MetricsPortInUseException e = assertThrows(MetricsPortInUseException.class,
                    () -> MetricsServer.start("127.0.0.1", first.port(), null));
            assertInstanceOf(IllegalArgumentException.class, e, "the CLI reports IllegalArgumentException as usage");
            assertTrue(e.getMessage().startsWith("metrics port 127.0.0.1:" + first.port() + " is already in use"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("--metrics-port 0"), e.getMessage());
            assertEquals(first.port(), e.port());
        }
    }

    @Test
    void anAddressThisHostDoesNotHaveIsNotCalledABusyPort() {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never assigned to a host.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetricsServer.start("192.0.2.1", 0, null));
        assertFalse(e instanceof MetricsPortInUseException, e.getMessage());
        assertTrue(e.getMessage().contains("192.0.2.1:0"), e.getMessage());
    }

    @Test
    void badPortsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MetricsServer.start("127.0.0.1", 65536, null));
        assertThrows(IllegalArgumentException.class, () -> MetricsServer.start("127.0.0.1", -1, null));
    }

    @Test
    void otherPathsAndMethods() throws Exception {
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, null)) {
            String base = "http://127.0.0.1:" + server.port();
            assertEquals(404, get(base + "/", "*/*").statusCode());
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
            HttpResponse<String> empty = get(base + "/metrics", "*/*");
            assertEquals(200, empty.statusCode(), "no run yet: an empty page, not an error");
            assertEquals("", empty.body());
        }
    }

    @Test
    void closeStopsServingAndIsIdempotent() throws Exception {
        MetricsServer server = MetricsServer.start("127.0.0.1", 0, null);
        String url = server.url();
        server.closeAfter(Duration.ZERO);
        server.close();
        assertThrows(ConnectException.class, () -> get(url, "*/*"));
    }

    @Test
    void closeAfterKeepsServingForTheGrace() throws Exception {
        try (RunMetrics m = new RunMetrics("s", "r1", "java", "cpu", 7, "dev")) {
            MetricsServer server = MetricsServer.start("127.0.0.1", 0, m.registry());
            Thread closer = new Thread(() -> server.closeAfter(Duration.ofMillis(1500)));
            closer.start();
            Thread.sleep(300);
            assertEquals(200, get(server.url(), "*/*").statusCode(), "final values served during the grace");
            closer.join(10_000);
            assertFalse(closer.isAlive());
            assertThrows(ConnectException.class, () -> get(server.url(), "*/*"));
        }
    }

    @Test
    void countsScrapesSoARunNobodyWatchesNeedNotWait() throws Exception {
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, null)) {
            assertEquals(0, server.scrapes());
            get(server.url(), "*/*");
            get(server.url(), "*/*");
            get(server.url().replace("/metrics", "/"), "*/*");
            assertEquals(2, server.scrapes(), "only /metrics counts");
        }
    }

    @Test
    void anAddressThatIsNoAddressIsOneLineNamingTheFlag() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetricsServer.start("300.1.1.1", 0, null));
        assertEquals("--metrics-bind 300.1.1.1: expected an IP address or host name of this machine, e.g. 127.0.0.1"
                + " or 0.0.0.0", e.getMessage());
    }
}
