package org.ensemble.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
    @Test
    void servesTheClassicTextFormatWhateverPrometheusAsksFor() throws Exception {
        RunMetrics m = new RunMetrics("s", "r1", "java", "cpu", 7, "dev");
        m.escapes("right", 3);
        m.mfpt(10, 9, 11, 0.1);
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, m.registry())) {
            assertTrue(server.port() > 0);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()))
                    .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals(MetricsServer.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(r.body().contains("ensemble_escapes_total{backend=\"java\",run_id=\"r1\",scenario=\"s\","
                    + "target=\"right\"} 3.0"), r.body());
            assertTrue(r.body().contains("ensemble_run_info{"), "run info gauge");
            assertTrue(!r.body().contains("# EOF"), "no OpenMetrics terminator in the 0.0.4 format");
        } finally {
            m.close();
        }
    }

    @Test
    void aBusyPortIsAClearError() {
        try (MetricsServer first = MetricsServer.start("127.0.0.1", 0, null)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MetricsServer.start("127.0.0.1", first.port(), null));
            assertTrue(e.getMessage().contains("127.0.0.1:" + first.port() + " is already in use"), e.getMessage());
            assertTrue(e.getMessage().contains("--metrics-port 0"), e.getMessage());
        }
    }

    @Test
    void tagsStayBounded() {
        RunMetrics m = new RunMetrics("s", "r1", "java", "cpu", 7, "dev");
        long[] counts = new long[1000];
        counts[500] = 10;
        m.histogram(0, -2, 2, counts, 10);
        long series = m.meters().stream().filter(x -> x.getId().getName().equals("ensemble.measure.density")).count();
        assertEquals(RunMetrics.MAX_EXPORTED_BINS, series, "1000 bins must be merged down to the export bound");
        m.shardPhase(0, "advance", 1000);
        m.escapes("right", 1);
        m.mfpt(1, 1, 1, 1);
        java.util.Set<String> allowed = java.util.Set.of("scenario", "run_id", "backend", "shard", "phase", "target",
                "basin", "axis", "bin", "bound", "device", "seed", "version");
        m.meters().stream().filter(x -> x.getId().getName().startsWith("ensemble.")).forEach(x -> x.getId().getTags()
                .forEach(t -> assertTrue(allowed.contains(t.getKey()), x.getId() + " has an unexpected tag " + t)));
        m.close();
    }
}
