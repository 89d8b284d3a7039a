package org.ensemble.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ensemble.cli.Main;

/**
 * A real run through the CLI with metrics on a free loopback port, the engine feeding RunMetrics
 * through MetricsListener: {@link #escape} for the overview and escape-time dashboards,
 * {@link #meanField} (particles beside their PDE) for the overview and mean-field ones. It serves its final values for up to 10
 * minutes ({@code --metrics-grace}); closing interrupts that wait, which stops the server.
 */
final class EngineRunDriver implements RunDriver {
    private final String name;
    private final Set<String> dashboards;
    private final Path out;
    private final List<String> args;
    private Thread run;

    private EngineRunDriver(String name, Set<String> dashboards, Path out, String... args) {
        this.name = name;
        this.dashboards = dashboards;
        this.out = out;
        this.args = List.of(args);
    }

    /** A short double-well escape run (700 particles, t = 40). */
    static EngineRunDriver escape(Path out) {
        return new EngineRunDriver("engine escape run", Set.of("ensemble-overview", "ensemble-escape"), out,
                "src/test/resources/scenarios/small-escape.conf", "--set", "run.time=40");
    }

    /** A short McKean–Vlasov run with its Fokker–Planck PDE beside it. */
    static EngineRunDriver meanField(Path out) {
        return new EngineRunDriver("engine mean-field run", Set.of("ensemble-overview", "ensemble-meanfield"), out,
                "scenarios/mckean-vlasov-vs-pde.conf", "--set", "population.size=2000", "--set", "run.time=2",
                "--set", "pde.cells=200");
    }

    /**
     * A short SGD run beside its reduced ODE (MMN isotropic Gaussians): risks, W2, radius histogram.
     * Checked against the training dashboard only: a training run has no shard-phase or merge timers,
     * which four overview panels show.
     */
    static EngineRunDriver training(Path out) {
        return new EngineRunDriver("engine training run", Set.of("ensemble-training"), out,
                "scenarios/mmn-isotropic-gaussians.conf", "--set", "network.width=200", "--set", "training.time=2");
    }

    /** A short SGD-workers run on a quadratic (loss, distance to the optimum, staleness, versions/s). */
    static EngineRunDriver sgd(Path out) {
        return new EngineRunDriver("engine SGD-workers run", Set.of("ensemble-sgd"), out,
                "scenarios/sgd-stationary-variance.conf", "--set", "run.versions=60000", "--set", "run.burn-in=1000");
    }

    /** A short noisy-Kuramoto run on a sparse Erdős–Rényi graph (order parameter, phase, edge messages/s). */
    static EngineRunDriver graph(Path out) {
        return new EngineRunDriver("engine graph-dynamics run", Set.of("ensemble-graph"), out,
                "scenarios/kuramoto-erdos-renyi.conf", "--set", "graph-dynamics.graph.mean-degree=[10]", "--set",
                "graph-dynamics.coupling=[3]", "--set", "graph-dynamics.time=20", "--set", "graph-dynamics.relax=5");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> dashboards() {
        return dashboards;
    }

    @Override
    public int start() throws Exception {
        int port = PrometheusTools.freePort();
        List<String> cli = new ArrayList<>(List.of("run"));
        cli.addAll(args);
        cli.addAll(List.of("--out", out.toString(), "--quiet", "--no-plots", "--metrics-port", Integer.toString(port),
                "--metrics-grace", "600"));
        run = new Thread(() -> Main.execute(cli.toArray(String[]::new)), "ensemble-run");
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
