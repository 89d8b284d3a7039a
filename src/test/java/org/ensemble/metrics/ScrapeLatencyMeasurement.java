package org.ensemble.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures (never asserts: DESIGN §10 keeps timings out of unit tests) how long a scrape of a
 * fully populated run takes, idle and while every core spins in a compute loop and a coordinator
 * thread updates the meters. Run on purpose only:
 * {@code mvn -o -q test -Dtest=ScrapeLatencyMeasurement -Densemble.measure=true}.
 */
@EnabledIfSystemProperty(named = "ensemble.measure", matches = "true")
class ScrapeLatencyMeasurement {
    static final int SCRAPES = 400;

    @Test
    void scrapeLatencyIdleAndUnderLoad() throws Exception {
        try (RunMetrics m = populated(); MetricsServer server = MetricsServer.start("127.0.0.1", 0, m.registry())) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest req = HttpRequest.newBuilder(URI.create(server.url())).build();
            int bytes = http.send(req, HttpResponse.BodyHandlers.ofString()).body().length();
            measure(http, req, 100); // warm-up: JIT, connection
            double[] idle = measure(http, req, SCRAPES);

            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> busy = new ArrayList<>();
            int cores = Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < cores; i++) {
                Thread t = new Thread(() -> spin(stop), "busy-" + i);
                t.setDaemon(true);
                busy.add(t);
            }
            Thread coordinator = new Thread(() -> update(m, stop), "coordinator");
            coordinator.setDaemon(true);
            busy.add(coordinator);
            busy.forEach(Thread::start);
            Thread.sleep(500);
            double[] loaded;
            try {
                loaded = measure(http, req, SCRAPES);
            } finally {
                stop.set(true);
                for (Thread t : busy) {
                    t.join(5_000);
                }
            }
            double[] render = new double[SCRAPES];
            for (int i = 0; i < SCRAPES; i++) {
                long t0 = System.nanoTime();
                m.registry().scrape(MetricsServer.CONTENT_TYPE);
                render[i] = (System.nanoTime() - t0) / 1e6;
            }
            System.out.printf("ScrapeLatencyMeasurement: page %d bytes, %d meters; %d cores%n", bytes,
                    m.meters().size(), cores);
            System.out.println("  rendering alone (idle):    " + summary(render));
            System.out.println("  idle:                      " + summary(idle));
            System.out.println("  " + cores + " busy threads + updater: " + summary(loaded));
        }
    }

    static RunMetrics populated() {
        RunMetrics m = new RunMetrics("latency", "r1", "java", "cpu", 1, "dev");
        m.plannedSteps(1_000_000);
        m.stepsCompleted(1, 0.01, 1000);
        for (int s = 0; s < 8; s++) {
            m.shardPhase(s, "advance", 1000);
            m.shardPhase(s, "statistics", 100);
        }
        m.merge(100);
        for (int t = 0; t < 10; t++) {
            m.escapes("target" + t, 1);
        }
        m.mfpt(10, 9, 11, 0.1);
        Map<String, Double> occ = new HashMap<>();
        for (int b = 0; b < 10; b++) {
            occ.put("basin" + b, 0.1);
        }
        m.occupancy(occ);
        m.moments(new double[16], new double[16]);
        double[] edges = new double[201];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = -2 + 4.0 * i / 200;
        }
        for (int a = 0; a < RunMetrics.MAX_HISTOGRAM_AXES; a++) {
            m.histogram(a, edges, new long[200], 1000);
        }
        return m;
    }

    static void spin(AtomicBoolean stop) {
        double x = 1;
        while (!stop.get()) {
            for (int i = 0; i < 100_000; i++) {
                x = x * 1.0000001 + 1e-9;
            }
        }
        if (x == 42) {
            System.out.print(""); // keep the loop from being optimised away
        }
    }

    static void update(RunMetrics m, AtomicBoolean stop) {
        long step = 1;
        long[] counts = new long[200];
        double[] edges = new double[201];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = -2 + 4.0 * i / 200;
        }
        while (!stop.get()) {
            step++;
            m.stepsCompleted(step, step * 0.01, step * 1000);
            m.shardPhase((int) (step % 8), "advance", 1000);
            m.merge(100);
            counts[(int) (step % 200)]++;
            m.histogram((int) (step % 3), edges, counts, step);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static double[] measure(HttpClient http, HttpRequest req, int n) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("status " + r.statusCode());
            }
        }
        return ms;
    }

    static String summary(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d scrapes)", s[s.length / 2],
                s[(int) (s.length * 0.9)], s[(int) (s.length * 0.99)], s[s.length - 1], s.length);
    }
}
