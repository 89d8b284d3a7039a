package org.ensemble.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ensemble.cli.Main;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short scenario run with metrics on a free loopback port, scraped by a real Prometheus (Debian's
 * package) on another loopback port: promtool accepts the endpoint's output, every PromQL query of
 * every provisioned dashboard panel returns at least one series, and the dashboards are fit for
 * file provisioning. Every process started here is stopped by PID, with bounded waits. Skipped
 * without /usr/bin/prometheus unless ENSEMBLE_REQUIRE_PROMETHEUS=1 (set by .ci/run).
 */
@Tag("prometheus")
class PrometheusEndToEndTest {
    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    static final Path DASHBOARDS = Path.of("monitoring/grafana/dashboards");
    static final String DATASOURCE_UID = "ensemble-prometheus";

    @TempDir
    Path tmp;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void dashboardsQueryARealPrometheusScrapingARun() throws Exception {
        boolean required = "1".equals(System.getenv("ENSEMBLE_REQUIRE_PROMETHEUS"));
        boolean present = Files.isExecutable(PROMETHEUS) && Files.isExecutable(PROMTOOL);
        assertTrue(present || !required, "ENSEMBLE_REQUIRE_PROMETHEUS=1 but " + PROMETHEUS + " / " + PROMTOOL
                + " are missing (apt-get install prometheus)");
        assumeTrue(present, "Prometheus is not installed (apt-get install prometheus); skipping the end-to-end test");

        List<JsonNode> dashboards = loadAndCheckDashboards();
        int metricsPort = freePort();
        int promPort = freePort();
        Path runDir = tmp.resolve("run");
        // The run: a short escape scenario, serving its final values for 60 s (the test stops earlier).
        Thread run = new Thread(() -> Main.execute("run", "src/test/resources/scenarios/small-escape.conf", "--out",
                runDir.toString(), "--quiet", "--no-plots", "--set", "run.time=40", "--metrics-port",
                Integer.toString(metricsPort), "--metrics-grace", "60"), "ensemble-run");
        run.setDaemon(true);
        run.start();
        // A second, mean-field run with a PDE beside it, for the mean-field dashboard.
        int meanFieldPort = freePort();
        Path meanFieldDir = tmp.resolve("meanfield");
        Thread mf = new Thread(() -> Main.execute("run", "scenarios/mckean-vlasov-vs-pde.conf", "--out",
                meanFieldDir.toString(), "--quiet", "--no-plots", "--set", "population.size=2000", "--set",
                "run.time=2", "--set", "pde.cells=200", "--metrics-port", Integer.toString(meanFieldPort),
                "--metrics-grace", "60"), "ensemble-meanfield-run");
        mf.setDaemon(true);
        mf.start();

        Path config = tmp.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n"
                + "  - job_name: ensemble\n    static_configs:\n      - targets: ['127.0.0.1:" + metricsPort
                + "', '127.0.0.1:" + meanFieldPort + "']\n");
        Process prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + tmp.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + promPort,
                "--log.level=warn").redirectErrorStream(true).redirectOutput(tmp.resolve("prometheus.log").toFile())
                .start();
        try {
            String api = "http://127.0.0.1:" + promPort;
            waitFor(Duration.ofSeconds(60), () -> get(api + "/-/ready").statusCode() == 200, "Prometheus ready");
            // At least 5 successful scrapes, the last after the run has ended (final values).
            waitFor(Duration.ofSeconds(120), () -> Files.exists(runDir.resolve("summary.json"))
                    && Files.exists(meanFieldDir.resolve("summary.json"))
                    && value(api, "sum(count_over_time(up{job=\"ensemble\"}[5m]))") >= 10
                    && value(api, "min(up{job=\"ensemble\"})") == 1
                    && value(api, "count(ensemble_mfpt)") >= 3
                    && value(api, "count(ensemble_meanfield_value)") >= 4, "scrapes of the finished runs");
            Thread.sleep(2500);

            for (int port : new int[] {metricsPort, meanFieldPort}) {
                String page = get("http://127.0.0.1:" + port + "/metrics").body();
                Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                        .redirectErrorStream(true).start();
                promtool.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
                promtool.getOutputStream().close();
                String lint = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(promtool.waitFor(30, TimeUnit.SECONDS), "promtool did not finish");
                assertEquals(0, promtool.exitValue(), "promtool check metrics on port " + port + ": " + lint);
            }

            int checked = 0;
            List<String> empty = new ArrayList<>();
            for (JsonNode d : dashboards) {
                for (JsonNode p : d.get("panels")) {
                    for (JsonNode t : p.get("targets")) {
                        String expr = t.get("expr").asText().replace("$run_id", ".+");
                        JsonNode r = query(api, expr);
                        checked++;
                        if (r.get("data").get("result").isEmpty()) {
                            empty.add(d.get("title").asText() + " / " + p.get("title").asText() + ": " + expr);
                        }
                    }
                }
            }
            System.out.println("PrometheusEndToEndTest: checked " + checked + " panel queries of " + dashboards.size()
                    + " dashboards against a real Prometheus");
            assertTrue(checked >= 15, "too few panel queries: " + checked);
            assertTrue(empty.isEmpty(), "panel queries without series: " + empty);
        } finally {
            stop(prometheus);
        }
    }

    List<JsonNode> loadAndCheckDashboards() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json")).sorted()::iterator) {
                String text = Files.readString(f);
                assertFalse(text.contains("${DS_"), f + ": uses ${DS_...} inputs, which file provisioning cannot fill");
                JsonNode d = json.readTree(text);
                assertFalse(d.has("__inputs"), f + ": exported-for-sharing JSON");
                assertTrue(d.hasNonNull("uid") && d.hasNonNull("title"), f + ": needs uid and title");
                Set<Integer> ids = new HashSet<>();
                for (JsonNode p : d.get("panels")) {
                    assertTrue(ids.add(p.get("id").asInt()), f + ": duplicate panel id " + p.get("id"));
                    assertEquals(DATASOURCE_UID, p.get("datasource").get("uid").asText(), f + " panel " + p.get("id"));
                    assertTrue(p.get("targets").size() > 0, f + ": panel without queries");
                    for (JsonNode t : p.get("targets")) {
                        assertEquals(DATASOURCE_UID, t.get("datasource").get("uid").asText(), f + " target");
                    }
                }
                out.add(d);
            }
        }
        assertTrue(out.size() >= 3, "expected the overview, escape-time and mean-field dashboards");
        String ds = Files.readString(Path.of("monitoring/grafana/provisioning/datasources/prometheus.yml"));
        assertTrue(ds.contains("uid: " + DATASOURCE_UID), "datasource provisioning must fix the uid");
        return out;
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Duration limit, Check c, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        Exception last = null;
        while (System.nanoTime() < end) {
            try {
                if (c.ok()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what
                + (last == null ? "" : " (last error: " + last + ")"));
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode query(String api, String expr) throws IOException, InterruptedException {
        HttpResponse<String> r = get(api + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), expr + ": " + r.body());
        return json.readTree(r.body());
    }

    double value(String api, String expr) throws IOException, InterruptedException {
        JsonNode res = query(api, expr).get("data").get("result");
        return res.isEmpty() ? Double.NaN : res.get(0).get("value").get(1).asDouble();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
