package org.ensemble.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's /metrics on a free loopback port, scraped every second by a real Prometheus (Debian's
 * package) on another free loopback port. Once Prometheus reports the target up and has scraped
 * the run's final values: promtool accepts the endpoint's page, every PromQL query of every panel
 * of every provisioned dashboard returns at least one series for that run, and the dashboards
 * are fit for file provisioning. Where the numbers come from is a {@link RunDriver}: a synthetic
 * one feeding every dashboard (the metrics package alone), and the real engine through the CLI,
 * an escape run, a mean-field run and a training run, each checked against the dashboards it concerns. Every process started
 * here is stopped by its handle with bounded waits. Aborted without /usr/bin/prometheus, failed
 * instead when ENSEMBLE_REQUIRE_PROMETHEUS=1 (CI).
 */
@Tag("prometheus")
class PrometheusEndToEndTest {
    static final Path DASHBOARDS = Path.of("monitoring/grafana/dashboards");
    static final Path DATASOURCES = Path.of("monitoring/grafana/provisioning/datasources/prometheus.yml");
    static final String DATASOURCE_UID = "ensemble-prometheus";
    /** Grafana's interval variables, which PromQL does not know: a range that holds enough 1 s scrapes. */
    static final Pattern INTERVAL_VARIABLE = Pattern.compile("\\$__(rate_)?interval|\\$\\{__(rate_)?interval}");

    @TempDir
    Path tmp;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void dashboardsQueryARealPrometheusScrapingASyntheticRun() throws Exception {
        check(new SyntheticRunDriver(Duration.ofSeconds(6)));
    }

    @Test
    void dashboardsQueryARealPrometheusScrapingAnEngineEscapeRun() throws Exception {
        check(EngineRunDriver.escape(tmp.resolve("run")));
    }

    @Test
    void dashboardsQueryARealPrometheusScrapingAnEngineMeanFieldRun() throws Exception {
        check(EngineRunDriver.meanField(tmp.resolve("run")));
    }

    @Test
    void dashboardsQueryARealPrometheusScrapingAnEngineTrainingRun() throws Exception {
        check(EngineRunDriver.training(tmp.resolve("run")));
    }

    @Test
    void dashboardsQueryARealPrometheusScrapingAnEngineSgdWorkersRun() throws Exception {
        check(EngineRunDriver.sgd(tmp.resolve("run")));
    }

    @Test
    void dashboardsQueryARealPrometheusScrapingAnEngineGraphDynamicsRun() throws Exception {
        check(EngineRunDriver.graph(tmp.resolve("run")));
    }

    void check(RunDriver driver) throws Exception {
        PrometheusTools.requireBinaries();
        List<JsonNode> dashboards = loadAndCheckDashboards();
        Process prometheus = null;
        try (driver) {
            int metricsPort = driver.start();
            int promPort = PrometheusTools.freePort();
            Path config = tmp.resolve("prometheus.yml");
            Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n"
                    + "  - job_name: ensemble\n    static_configs:\n      - targets: ['127.0.0.1:" + metricsPort
                    + "']\n");
            prometheus = new ProcessBuilder(PrometheusTools.PROMETHEUS.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + tmp.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + promPort,
                    "--log.level=warn").redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("prometheus.log").toFile()).start();
            String api = "http://127.0.0.1:" + promPort;
            String page = "http://127.0.0.1:" + metricsPort + "/metrics";

            waitFor(Duration.ofSeconds(60), () -> get(api + "/-/ready").statusCode() == 200, "Prometheus ready");
            waitFor(Duration.ofSeconds(30), () -> "up".equals(target(api).path("health").asText()),
                    "the target up in /api/v1/targets");
            waitFor(Duration.ofSeconds(120), driver::finished, driver.name() + " to finish");
            // jvm_gc_pause_seconds appears with the first collection; a short run may not have had one.
            System.gc();
            Instant finished = Instant.now();
            // A scrape of the final values, and enough scrapes for rate() over [1m].
            waitFor(Duration.ofSeconds(30), () -> Instant.parse(target(api).path("lastScrape").asText())
                    .isAfter(finished.plusMillis(500))
                    && value(api, "sum(count_over_time(up{job=\"ensemble\"}[5m]))") >= 5, "scrapes after the end");
            assertEquals("up", target(api).path("health").asText(), target(api).toString());

            JsonNode info = query(api, "ensemble_run_info").path("data").path("result");
            assertEquals(1, info.size(), "one run served: " + info);
            String runId = info.get(0).path("metric").path("run_id").asText();
            assertFalse(runId.isEmpty(), info.toString());

            // What Prometheus fetched, fetched the way Prometheus does.
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create(page))
                    .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(MetricsServer.CONTENT_TYPE, scrape.headers().firstValue("Content-Type").orElse(""));
            PrometheusTools.Lint lint = PrometheusTools.checkMetrics(scrape.body());
            assertEquals(0, lint.exit(), "promtool check metrics on " + page + ":\n" + lint.output());

            int checked = 0;
            int variables = 0;
            List<String> empty = new ArrayList<>();
            Set<String> uids = new HashSet<>();
            dashboards.forEach(d -> uids.add(d.get("uid").asText()));
            assertTrue(uids.containsAll(driver.dashboards()), "unknown dashboards in " + driver.dashboards());
            for (JsonNode d : dashboards) {
                if (!driver.dashboards().contains(d.get("uid").asText())) {
                    continue; // not what this run is about (an escape run has no PDE beside it)
                }
                for (JsonNode p : d.get("panels")) {
                    for (JsonNode t : p.get("targets")) {
                        String expr = resolve(t.get("expr").asText(), runId);
                        checked++;
                        if (query(api, expr).path("data").path("result").isEmpty()) {
                            empty.add(d.get("title").asText() + " / " + p.get("title").asText() + ": " + expr);
                        }
                    }
                }
                // The run_id variable's query: label_values(METRIC, run_id) needs METRIC to exist.
                for (JsonNode v : d.path("templating").path("list")) {
                    Matcher m = Pattern.compile("label_values\\((\\w+),").matcher(v.path("query").asText());
                    assertTrue(m.find(), d.get("title") + ": variable query " + v.path("query"));
                    variables++;
                    if (query(api, m.group(1)).path("data").path("result").isEmpty()) {
                        empty.add(d.get("title").asText() + " / variable " + v.path("name").asText());
                    }
                }
            }
            System.out.printf("PrometheusEndToEndTest (%s): checked %d panel queries and %d variable queries of %d"
                    + " dashboards against a real Prometheus; %d without series%n", driver.name(), checked, variables,
                    driver.dashboards().size(), empty.size());
            assertTrue(checked >= 10, "too few panel queries: " + checked);
            assertTrue(empty.isEmpty(), "panel queries without series for run " + runId + ": " + empty);
        } finally {
            if (prometheus != null) {
                PrometheusTools.stop(prometheus);
            }
        }
    }

    /** A panel's PromQL with Grafana's variables filled in: this run, and a range for the intervals. */
    static String resolve(String expr, String runId) {
        String out = INTERVAL_VARIABLE.matcher(expr).replaceAll("1m");
        assertFalse(out.replace("$run_id", "").contains("$"), "a Grafana variable the test does not know: " + expr);
        return out.replace("$run_id", regexLiteral(runId));
    }

    /** {@code s} matched literally by a PromQL regex matcher, written inside a double-quoted string. */
    static String regexLiteral(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                b.append("\\\\"); // a regex escape, its backslash doubled for the string literal
            } else if (c == '"') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
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
                    assertTrue(p.path("id").isInt(), f + ": a panel without an id");
                    assertTrue(ids.add(p.get("id").asInt()), f + ": duplicate panel id " + p.get("id"));
                    assertEquals(DATASOURCE_UID, p.path("datasource").path("uid").asText(),
                            f + " panel " + p.get("id"));
                    assertTrue(p.path("targets").size() > 0, f + ": panel " + p.get("id") + " without queries");
                    for (JsonNode t : p.get("targets")) {
                        assertEquals(DATASOURCE_UID, t.path("datasource").path("uid").asText(), f + " target");
                        assertTrue(t.path("expr").isTextual(), f + " panel " + p.get("id") + ": a target without expr");
                    }
                }
                for (JsonNode v : d.path("templating").path("list")) {
                    assertEquals(DATASOURCE_UID, v.path("datasource").path("uid").asText(), f + " variable");
                }
                out.add(d);
            }
        }
        assertTrue(out.size() >= 6, "expected the overview, escape-time, mean-field, training, SGD-workers and graph dashboards");
        Set<String> uids = new HashSet<>();
        out.forEach(d -> assertTrue(uids.add(d.get("uid").asText()), "duplicate dashboard uid " + d.get("uid")));
        assertTrue(Files.readString(DATASOURCES).contains("uid: " + DATASOURCE_UID),
                "datasource provisioning must fix the uid");
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

    /** The one active target of the scrape config. */
    JsonNode target(String api) throws IOException, InterruptedException {
        JsonNode targets = json.readTree(get(api + "/api/v1/targets").body()).path("data").path("activeTargets");
        if (targets.size() != 1) {
            // An exception, not an assertion: waitFor retries while service discovery catches up.
            throw new IllegalStateException("expected one active target, got " + targets);
        }
        return targets.get(0);
    }

    JsonNode query(String api, String expr) throws IOException, InterruptedException {
        HttpResponse<String> r = get(api + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), expr + ": " + r.body());
        return json.readTree(r.body());
    }

    double value(String api, String expr) throws IOException, InterruptedException {
        JsonNode res = query(api, expr).path("data").path("result");
        return res.isEmpty() ? Double.NaN : res.get(0).path("value").get(1).asDouble();
    }
}
