package org.ensemble.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ensemble.cli.Main;

/**
 * A real run through the CLI: a short escape scenario with metrics on a free loopback port, the
 * engine feeding RunMetrics through MetricsListener. It serves its final values for up to 10
 * minutes ({@code --metrics-grace}); closing interrupts that wait, which stops the server.
 */
final class EngineRunDriver implements RunDriver {
    private final Path out;
    private Thread run;

    EngineRunDriver(Path out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "engine run (small-escape.conf)";
    }

    @Override
    public int start() throws Exception {
        int port = PrometheusTools.freePort();
        run = new Thread(() -> Main.execute("run", "src/test/resources/scenarios/small-escape.conf", "--out",
                out.toString(), "--quiet", "--no-plots", "--set", "run.time=40", "--metrics-port",
                Integer.toString(port), "--metrics-grace", "600"), "ensemble-run");
        run.setDaemon(true);
        run.start();
        return port;
    }

    @Override
    public boolean finished() {
        return Files.exists(out.resolve("summary.json"));
    }

    @Override
    public void close() throws InterruptedException {
        if (run != null) {
            // Interrupt until it ends: an interrupt that lands while the engine computes may be
            // swallowed there, and only one during the grace wait ends the server.
            long end = System.nanoTime() + 30_000_000_000L;
            while (run.isAlive() && System.nanoTime() < end) {
                run.interrupt();
                run.join(200);
            }
            if (run.isAlive()) {
                System.err.println("EngineRunDriver: the run thread did not stop within 30 s");
            }
        }
    }
}
