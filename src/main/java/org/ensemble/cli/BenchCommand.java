package org.ensemble.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.ensemble.bench.LangevinWorkload;
import org.ensemble.bench.MeanFieldSgdWorkload;
import org.ensemble.kernel.Backend;
import org.ensemble.kernel.Steppers;
import org.ensemble.network.Activation;
import org.ensemble.network.DenseOps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Time one of the peers' workloads through the actors and raw: the Langevin"
        + " workload (1e6 particles × 1000 steps) or meanfield-sgd (1e4 neurons in R^40, 1e4 online SGD steps, ramp);"
        + " with --peers, run the C and NumPy peers in the same process tree and print the ratios. Prints one JSON"
        + " line.")
final class BenchCommand implements Callable<Integer> {
    static final String LANGEVIN = "langevin-double-well";
    static final String MEANFIELD = "meanfield-sgd";
    static final String SGD_WORKERS = "sgd-workers";
    static final String KURAMOTO_ER = "kuramoto-er";

    @Option(names = "--workload", defaultValue = LANGEVIN, description = LANGEVIN + " | " + MEANFIELD + " | "
            + SGD_WORKERS + " | " + KURAMOTO_ER)
    String workload;

    @Option(names = "--n", description = "particles (1e6) or neurons (1e4)")
    Long nOption;

    @Option(names = "--steps", description = "time steps (1000) or SGD steps (10000)")
    Integer stepsOption;

    @Option(names = "--dt", description = "langevin: time step (1e-3)")
    Double dtOption;

    @Option(names = "--beta", description = "langevin: inverse temperature (4)")
    Double betaOption;

    @Option(names = "--d", description = MEANFIELD + ": input dimension (40)")
    Integer dOption;

    @Option(names = "--lr", description = MEANFIELD + ": learning rate ε (0.005)")
    Double lrOption;

    @Option(names = "--delta", description = MEANFIELD + ": the isotropic Gaussians' Δ (0.5)")
    Double deltaOption;

    @Option(names = "--activation", description = MEANFIELD + ": ramp | tanh | relu | sigmoid (ramp; the peers"
            + " have ramp (pl) and tanh)")
    String activationOption;

    @Option(names = "--degree", description = KURAMOTO_ER + ": mean degree of G(n, p) (10)")
    Double degreeOption;

    @Option(names = "--server-shards", paramLabel = "K", defaultValue = "4", description = SGD_WORKERS
            + ": the parameter server split into K key ranges, timed beside one (4)")
    int serverShards;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the random streams (1)")
    long seed;

    @Option(names = "--backend", description = "langevin: java | aparapi-jtp | aparapi-opencl | auto (java); "
            + KURAMOTO_ER + ": where the node kernel runs, java | aparapi-jtp | aparapi-opencl (java)")
    String backendOption;

    long n;
    int steps;
    double dt;
    double beta;
    String backend;

    @Option(names = "--threads", description = "shards/threads (default: available processors)")
    Integer threads;

    @Option(names = "--repeats", defaultValue = "5", description = "timed runs per mode (medians are reported)")
    int repeats;

    @Option(names = "--interacting", paramLabel = "THETA", description = "also time the same particles with a"
            + " mean-field pull θ(x − mean) (one reduce/broadcast per step) and report its cost relative to"
            + " the independent step")
    Double interactingTheta;

    @Option(names = "--cluster", paramLabel = "FILE", description = LANGEVIN + " and " + MEANFIELD + ": time the"
            + " workload in this JVM and on the shard nodes of this cluster file (ensemble node), interleaved, and"
            + " report both rates, their ratio and the bytes on the wire per step (with --interacting: of the"
            + " interacting particles)")
    Path cluster;

    @Option(names = "--peers", paramLabel = "DIR", description = "peer sources (../shared/peers): built into"
            + " target/peers with make and run beside Ensemble")
    Path peers;

    @Option(names = "--scale", description = LANGEVIN + ": time the raw kernel and the end-of-run escape analysis"
            + " for N = 1e5, 1e6, 1e7, 1e8 (after a warm-up: the median rate of --repeats runs, the analysis of the first; --steps 200 and --beta 1 unless given,"
            + " so that particles escape); one JSON line per N")
    boolean scale;

    @Option(names = "--max-n", paramLabel = "N", defaultValue = "100000000", description = "--scale: largest N"
            + " (1e8)")
    long maxN;

    @Override
    public Integer call() throws Exception {
        if (scale) {
            return scale();
        }
        if (workload.equals(SGD_WORKERS)) {
            return sgdWorkers();
        }
        if (workload.equals(KURAMOTO_ER)) {
            return kuramotoEr();
        }
        boolean meanField = workload.equals(MEANFIELD);
        if (!meanField && !workload.equals(LANGEVIN)) {
            throw new IllegalArgumentException("--workload: expected " + LANGEVIN + ", " + MEANFIELD + ", "
                    + SGD_WORKERS + " or " + KURAMOTO_ER + ", got " + workload);
        }
        if (meanField) {
            reject("--dt", dtOption);
            reject("--beta", betaOption);
            reject("--backend", backendOption);
            reject("--interacting", interactingTheta);
        } else {
            reject("--d", dOption);
            reject("--lr", lrOption);
            reject("--delta", deltaOption);
            reject("--activation", activationOption);
        }
        n = nOption != null ? nOption : meanField ? 10_000 : 1_000_000;
        steps = stepsOption != null ? stepsOption : meanField ? 10_000 : 1000;
        dt = dtOption != null ? dtOption : 1e-3;
        beta = betaOption != null ? betaOption : 4;
        backend = backendOption != null ? backendOption : "java";
        if (repeats < 1 || n < 1 || steps < 1) {
            throw new IllegalArgumentException("--repeats, --n and --steps must be ≥ 1");
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new IllegalArgumentException("--threads must be ≥ 1");
        }
        if (cluster != null) {
            return onCluster(meanField, t);
        }
        if (meanField) {
            return meanFieldSgd(t);
        }
        LangevinWorkload w = new LangevinWorkload(n, steps, dt, beta, seed, Backend.parse(backend), t);
        System.err.println("warm-up ...");
        for (int i = 0; i < 2; i++) {
            w.raw();
            w.viaActors();
        }
        double[] raw = new double[repeats];
        double[] actors = new double[repeats];
        LangevinWorkload.Result last = null;
        for (int i = 0; i < repeats; i++) {
            // Interleaved, so drifts in machine load hit both modes alike.
            raw[i] = w.raw().rate();
            last = w.viaActors();
            actors[i] = last.rate();
            System.err.printf("run %d/%d: raw %.3g, actors %.3g particle-steps/s%n", i + 1, repeats, raw[i], actors[i]);
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("workload", workload);
        line.put("impl", "ensemble");
        line.put("backend", w.resolved().backend().key());
        line.put("device", w.resolved().deviceDescription());
        line.put("java_passes", Steppers.javaPasses());
        line.put("threads", t);
        line.put("n", n);
        line.put("steps", steps);
        line.put("repeats", repeats);
        double rate = median(actors);
        double rawRate = median(raw);
        line.put("rate", rate);
        line.put("raw_rate", rawRate);
        line.put("actor_overhead", rawRate / rate - 1);
        line.put("rates", toList(actors));
        line.put("raw_rates", toList(raw));
        line.put("mean_x", last.meanX());
        line.put("escaped", last.escaped());
        line.put("java", System.getProperty("java.version"));
        if (interactingTheta != null) {
            LangevinWorkload mf = new LangevinWorkload(n, steps, dt, beta, seed, Backend.parse(backend), t,
                    interactingTheta);
            mf.viaActors();
            double[] mfRates = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                mfRates[i] = mf.viaActors().rate();
                System.err.printf("interacting run %d/%d: %.3g particle-steps/s%n", i + 1, repeats, mfRates[i]);
            }
            double mfRate = median(mfRates);
            line.put("interacting_theta", interactingTheta);
            line.put("interacting_rate", mfRate);
            line.put("interacting_rates", toList(mfRates));
            line.put("interacting_cost_ratio", rate / mfRate);
        }
        if (peers != null) {
            Map<String, Object> p = runPeers(t);
            line.put("peers", p);
            addRatios(line, p, rate);
        }
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return 0;
    }

    /** {@code --scale}: particle-steps/s and the analysis time against N, one JSON line per N. */
    private int scale() throws Exception {
        if (!workload.equals(LANGEVIN) || nOption != null || peers != null || interactingTheta != null) {
            throw new IllegalArgumentException("--scale times the " + LANGEVIN + " workload at N = 1e5 … --max-n;"
                    + " it takes no --workload, --n, --peers or --interacting");
        }
        int stepsHere = stepsOption != null ? stepsOption : 200;
        double dtHere = dtOption != null ? dtOption : 1e-3;
        double betaHere = betaOption != null ? betaOption : 1;
        Backend b = Backend.parse(backendOption != null ? backendOption : "java");
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (stepsHere < 1 || maxN < 100_000 || t < 1) {
            throw new IllegalArgumentException("--scale needs --steps ≥ 1, --max-n ≥ 100000 and --threads ≥ 1");
        }
        System.err.println("warm-up ...");
        new LangevinWorkload(100_000, stepsHere, dtHere, betaHere, seed, b, t).scalePoint();
        ObjectMapper json = new ObjectMapper();
        for (long nHere = 100_000; nHere <= maxN; nHere *= 10) {
            LangevinWorkload w = new LangevinWorkload(nHere, stepsHere, dtHere, betaHere, seed, b, t);
            LangevinWorkload.ScalePoint p = w.scalePoint();
            // One run's rate swings by 3× here (JIT, page faults, the other core): the median of --repeats.
            double[] rates = new double[repeats];
            rates[0] = p.run().rate();
            for (int i = 1; i < repeats; i++) {
                rates[i] = w.raw().rate();
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("workload", LANGEVIN + " --scale");
            line.put("n", nHere);
            line.put("steps", stepsHere);
            line.put("beta", betaHere);
            line.put("threads", t);
            line.put("java_passes", Steppers.javaPasses());
            line.put("raw_rate", median(rates));
            line.put("raw_rates", toList(rates));
            line.put("step_seconds", p.run().seconds());
            line.put("escaped", p.escaped());
            line.put("analysis_seconds", p.analysisSeconds());
            line.put("analysis_ns_per_particle", p.analysisSeconds() * 1e9 / nHere);
            line.put("max_heap_gib", Runtime.getRuntime().maxMemory() / (double) (1L << 30));
            line.put("java", System.getProperty("java.version"));
            System.out.println(json.writeValueAsString(line));
            System.out.flush();
        }
        return 0;
    }

    private Map<String, Object> runPeers(int t) throws IOException, InterruptedException {
        Map<String, Object> out = new LinkedHashMap<>();
        Path build = buildPeers(List.of("langevin_omp"));
        if (build == null) {
            out.put("error", "make failed in " + Path.of("target", "peers"));
            return out;
        }
        String common = "--n " + n + " --steps " + steps + " --dt " + dt + " --beta " + beta + " --seed " + seed;
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("c_omp_philox_zig", split("./langevin_omp " + common + " --rng philox-zig"));
        cases.put("c_omp_philox_zig2", split("./langevin_omp " + common + " --rng philox-zig2"));
        cases.put("numpy_pcg64", split("python3 langevin.py " + common));
        Map<String, String> env = Map.of("OMP_NUM_THREADS", String.valueOf(t));
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            PeerRuns runs = new PeerRuns(c.getKey(), build, c.getValue(), env);
            int times = c.getKey().startsWith("numpy") ? Math.min(3, repeats) : repeats;
            for (int i = 0; i < times && runs.runOnce(i + 1, times, "particle-steps/s"); i++) {
                // runOnce records the rate.
            }
            out.put(c.getKey(), runs.summary("mean_x", "escaped"));
        }
        return out;
    }

    /**
     * The meanfield-sgd workload: warm-up, then {@code repeats} rounds of raw, actors and (with --peers)
     * each peer once, interleaved so drifts in machine load hit all alike.
     */
    /** The meanfield-sgd workload of the flags (defaults: d 40, ε 0.005, Δ 0.5, ramp). */
    private MeanFieldSgdWorkload meanFieldWorkload(int t) {
        int d = dOption != null ? dOption : 40;
        double lr = lrOption != null ? lrOption : 0.005;
        double delta = deltaOption != null ? deltaOption : 0.5;
        if (d < 1 || !(lr > 0) || !(delta >= 0 && delta < 1)) {
            throw new IllegalArgumentException("--d must be ≥ 1, --lr > 0 and 0 ≤ --delta < 1");
        }
        return new MeanFieldSgdWorkload(n, d, steps, lr, delta, Activation.of(activationKind()), seed, t);
    }

    private Activation.Kind activationKind() {
        return Activation.Kind.parse(activationOption != null ? activationOption : "ramp");
    }

    private Integer meanFieldSgd(int t) throws Exception {
        int d = dOption != null ? dOption : 40;
        double lr = lrOption != null ? lrOption : 0.005;
        double delta = deltaOption != null ? deltaOption : 0.5;
        Activation.Kind kind = activationKind();
        MeanFieldSgdWorkload w = meanFieldWorkload(t);
        List<PeerRuns> peerRuns = new ArrayList<>();
        Map<String, Object> peerErrors = new LinkedHashMap<>();
        if (peers != null) {
            String act = switch (kind) {
                case RAMP -> "pl";
                case TANH -> "tanh";
                default -> null;
            };
            Path build = act == null ? null : buildPeers(List.of("meanfield_omp", "meanfield_c"));
            if (act == null) {
                peerErrors.put("error", "the peers have no " + kind.key() + " activation (ramp and tanh only)");
            } else if (build == null) {
                peerErrors.put("error", "make failed in " + Path.of("target", "peers"));
            } else {
                // --n-test only sizes the held-out risk, which the peers time outside their loop.
                String common = "--n " + n + " --d " + d + " --steps " + steps + " --lr " + lr + " --D " + delta
                        + " --seed " + seed + " --act " + act + " --n-test " + PEER_TEST_SAMPLES;
                peerRuns.add(new PeerRuns("c_omp", build, split("./meanfield_omp " + common),
                        Map.of("OMP_NUM_THREADS", String.valueOf(t))));
                peerRuns.add(new PeerRuns("c_serial", build, split("./meanfield_c " + common), Map.of()));
                peerRuns.add(new PeerRuns("numpy", build, split("python3 meanfield.py " + common), Map.of()));
            }
        }
        System.err.println("warm-up ...");
        for (int i = 0; i < 2; i++) {
            w.raw();
            w.viaActors();
        }
        double[] raw = new double[repeats];
        double[] actors = new double[repeats];
        double[] setup = new double[repeats];
        MeanFieldSgdWorkload.Result last = null;
        for (int i = 0; i < repeats; i++) {
            raw[i] = w.raw().rate();
            last = w.viaActors();
            actors[i] = last.rate();
            setup[i] = last.setupSeconds();
            System.err.printf("run %d/%d: raw %.3g, actors %.3g neuron-steps/s%n", i + 1, repeats, raw[i], actors[i]);
            for (PeerRuns p : peerRuns) {
                p.runOnce(i + 1, repeats, "neuron-steps/s");
            }
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("workload", workload);
        line.put("impl", "ensemble");
        line.put("dense_ops", DenseOps.best().name());
        line.put("threads", t);
        line.put("n", n);
        line.put("d", d);
        line.put("steps", steps);
        line.put("lr", lr);
        line.put("delta", delta);
        line.put("activation", kind.key());
        line.put("repeats", repeats);
        double rate = median(actors);
        double rawRate = median(raw);
        line.put("rate", rate);
        line.put("raw_rate", rawRate);
        line.put("actor_overhead", rawRate / rate - 1);
        // Each round runs raw then actors back to back: the median of the rounds' ratios follows a
        // drifting machine load better than the ratio of the two medians.
        double[] paired = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            paired[i] = raw[i] / actors[i] - 1;
        }
        line.put("actor_overhead_paired", median(paired));
        line.put("rates", toList(actors));
        line.put("raw_rates", toList(raw));
        // The rates time the SGD loop (as the peers do); the actors' one-off set-up is apart.
        line.put("actors_setup_seconds", median(setup));
        line.put("mean_w_norm", last.meanWNorm());
        line.put("late_train_risk", last.lateTrainRisk());
        line.put("java", System.getProperty("java.version"));
        if (peers != null) {
            Map<String, Object> p = new LinkedHashMap<>(peerErrors);
            for (PeerRuns r : peerRuns) {
                p.put(r.name, r.summary("mean_w_norm", "risk_end"));
            }
            line.put("peers", p);
            addRatios(line, p, rate);
        }
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return 0;
    }

    /** Held-out samples the meanfield peers evaluate their risk on (outside their timed loop). */
    static final int PEER_TEST_SAMPLES = 1000;

    private static void reject(String option, Object value) {
        if (value != null) {
            throw new IllegalArgumentException(option + " does not apply to this workload");
        }
    }

    private static void addRatios(Map<String, Object> line, Map<String, Object> peerResults, double rate) {
        for (Map.Entry<String, Object> e : peerResults.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m && m.get("rate") instanceof Number r) {
                line.put("ratio_vs_" + e.getKey(), rate / r.doubleValue());
            }
        }
    }

    /** Copies the peer sources into target/peers and builds {@code targets} there; null if make failed. */
    private Path buildPeers(List<String> targets) throws IOException, InterruptedException {
        Path build = Path.of("target", "peers");
        Files.createDirectories(build);
        try (var files = Files.list(peers)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(f, build.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> make = new ArrayList<>(List.of("make", "-s"));
        make.addAll(targets);
        return exec(build, make, Map.of()) == null ? null : build;
    }

    /** One peer command, run once per call, its rates and last JSON line kept. */
    private static final class PeerRuns {
        final String name;
        final Path dir;
        final List<String> cmd;
        final Map<String, String> env;
        final List<Double> rates = new ArrayList<>();
        Map<String, Object> lastJson;
        boolean failed;

        PeerRuns(String name, Path dir, List<String> cmd, Map<String, String> env) {
            this.name = name;
            this.dir = dir;
            this.cmd = cmd;
            this.env = env;
        }

        /** Runs the peer once (not again after a failure); false if it did not give a rate. */
        boolean runOnce(int i, int of, String unit) throws IOException, InterruptedException {
            if (failed) {
                return false;
            }
            String json = exec(dir, cmd, env);
            if (json == null || json.isEmpty()) {
                failed = true;
                return false;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = new ObjectMapper().readValue(json, Map.class);
            rates.add(((Number) m.get("rate")).doubleValue());
            lastJson = m;
            System.err.printf("peer %s run %d/%d: %.3g %s%n", name, i, of, rates.get(rates.size() - 1), unit);
            return true;
        }

        /** Median rate, the rates and the named observables of the last run; or an error entry. */
        Map<String, Object> summary(String... observables) {
            if (lastJson == null) {
                return Map.of("error", "did not run (see stderr)");
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rate", median(rates.stream().mapToDouble(Double::doubleValue).toArray()));
            r.put("rates", rates);
            for (String o : observables) {
                r.put(o, lastJson.get(o));
            }
            return r;
        }
    }

    private static List<String> split(String cmd) {
        return Arrays.asList(cmd.split(" "));
    }

    /** Runs a command in {@code dir}; returns its last stdout line ("" if none), or null (stderr shown) on failure. */
    private static String exec(Path dir, List<String> cmd, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            System.err.println("cannot start " + String.join(" ", cmd) + ": " + e.getMessage());
            return null;
        }
        String last = "";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isBlank()) {
                    last = l;
                }
            }
        }
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            System.err.println(String.join(" ", cmd) + " failed");
            return null;
        }
        return last;
    }

    /**
     * SGD workers, M = 2 … 64 (or --n), BSP and ASP, --steps server versions (500), d = --d (40), batch 8,
     * through the actors and as the plain loop, with one server shard and --server-shards, one JSON line;
     * --repeats runs per point (medians).
     */
    private int sgdWorkers() throws Exception {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        long versions = stepsOption != null ? stepsOption : 500;
        int d = dOption != null ? dOption : 40;
        List<Integer> ms = nOption != null ? List.of(nOption.intValue()) : List.of(2, 4, 8, 16, 32, 64);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("workload", SGD_WORKERS);
        line.put("threads", t);
        line.put("versions", versions);
        line.put("d", d);
        line.put("batch", 8);
        line.put("repeats", repeats);
        line.put("server_shards", List.of(1, serverShards));
        for (String policy : List.of("bsp", "asp")) {
            List<Map<String, Object>> points = new ArrayList<>();
            for (int m : ms) {
                for (int k : serverShards == 1 ? List.of(1) : List.of(1, serverShards)) {
                    org.ensemble.bench.SgdWorkersWorkload w = new org.ensemble.bench.SgdWorkersWorkload(policy, m, d,
                            8, versions, seed, t, k);
                    w.raw();
                    w.viaActors();
                    double[] raw = new double[repeats];
                    double[] actors = new double[repeats];
                    org.ensemble.bench.SgdWorkersWorkload.Result last = null;
                    for (int i = 0; i < repeats; i++) {
                        raw[i] = w.raw().roundsPerSecond();
                        last = w.viaActors();
                        actors[i] = last.roundsPerSecond();
                    }
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("workers", m);
                    p.put("server_shards", k);
                    p.put("rounds_per_s", median(actors));
                    p.put("raw_rounds_per_s", median(raw));
                    p.put("gradients_per_s", median(actors) * last.gradients() / last.rounds());
                    p.put("raw_gradients_per_s", median(raw) * last.gradients() / last.rounds());
                    p.put("actor_overhead", median(raw) / median(actors) - 1);
                    points.add(p);
                    System.err.printf("%s M = %d, server shards %d: actors %.3g rounds/s, raw %.3g rounds/s%n",
                            policy, m, k, median(actors), median(raw));
                }
            }
            line.put(policy, points);
        }
        line.put("java", System.getProperty("java.version"));
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return 0;
    }

    /**
     * Noisy Kuramoto on G(n, p), n = --n (1e6), mean degree --degree (10), --steps (1000): edge-messages/s
     * through the actors and raw (same shard models on a thread pool); with --peers DIR (bench/peers)
     * the C/OpenMP peer of the same CSR loop, and the ratios. One JSON line.
     */
    private int kuramotoEr() throws Exception {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        long nodes = nOption != null ? nOption : 1_000_000;
        int st = stepsOption != null ? stepsOption : 1000;
        double degree = degreeOption != null ? degreeOption : 10;
        if (nodes < 3 || nodes > 50_000_000 || st < 1 || !(degree > 0 && degree < nodes - 1) || repeats < 1) {
            throw new IllegalArgumentException("--n must be in [3, 5e7], --steps ≥ 1, 0 < --degree < n − 1, --repeats ≥ 1");
        }
        org.ensemble.kernel.Backend kernelBackend = org.ensemble.kernel.Backend.parse(backendOption != null
                ? backendOption : "java");
        if (kernelBackend == org.ensemble.kernel.Backend.AUTO) {
            throw new IllegalArgumentException("--backend: " + KURAMOTO_ER + " takes java, aparapi-jtp or aparapi-opencl");
        }
        System.err.println("generating G(n, p) ...");
        org.ensemble.bench.KuramotoGraphWorkload w = new org.ensemble.bench.KuramotoGraphWorkload((int) nodes, degree,
                st, seed, t, kernelBackend);
        double[] raw = new double[repeats];
        double[] actors = new double[repeats];
        org.ensemble.bench.KuramotoGraphWorkload.Result last = null;
        for (int i = 0; i < repeats; i++) {
            raw[i] = w.raw().rate();
            last = w.viaActors();
            actors[i] = last.rate();
            System.err.printf("run %d/%d: actors %.3g, raw %.3g edge-messages/s%n", i + 1, repeats, actors[i], raw[i]);
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("workload", KURAMOTO_ER);
        line.put("nodes", nodes);
        line.put("directed_edges", w.graph().edges());
        line.put("steps", st);
        line.put("threads", t);
        line.put("backend", kernelBackend.key());
        line.put("rate", median(actors));
        line.put("raw_rate", median(raw));
        line.put("rates", toList(actors));
        line.put("raw_rates", toList(raw));
        line.put("actor_overhead", median(raw) / median(actors) - 1);
        line.put("r_final", last.r());
        if (peers != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            Path build = buildPeers(List.of("kuramoto_csr_omp"));
            if (build == null) {
                p.put("error", "make failed in " + Path.of("target", "peers"));
            } else {
                PeerRuns runs = new PeerRuns("c_omp", build, split("./kuramoto_csr_omp --n " + nodes + " --degree "
                        + degree + " --steps " + st + " --seed " + seed), Map.of("OMP_NUM_THREADS", String.valueOf(t)));
                for (int i = 0; i < repeats && runs.runOnce(i + 1, repeats, "edge-messages/s"); i++) {
                    // runOnce records the rate.
                }
                Map<String, Object> c = runs.summary("edges", "r");
                p.put("c_omp", c);
                if (c.get("rate") instanceof Double peer) {
                    line.put("ratio_c_omp_to_actors", peer / median(actors));
                    line.put("ratio_c_omp_to_raw", peer / median(raw));
                }
            }
            line.put("peers", p);
        }
        line.put("java", System.getProperty("java.version"));
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return 0;
    }

    /**
     * {@code --cluster}: the workload (the interacting particles with --interacting) in this JVM and on
     * the cluster, interleaved; one JSON line.
     */
    private Integer onCluster(boolean meanField, int t) throws Exception {
        if (peers != null) {
            throw new IllegalArgumentException("--cluster times Ensemble in one JVM and on the cluster; it takes no"
                    + " --peers");
        }
        java.util.function.DoubleSupplier one;
        String unit;
        if (meanField) {
            MeanFieldSgdWorkload w = meanFieldWorkload(t);
            one = () -> w.viaActors().rate();
            unit = "neuron-steps/s";
        } else {
            LangevinWorkload w = new LangevinWorkload(n, steps, dt, beta, seed, Backend.parse(backend), t,
                    interactingTheta != null ? interactingTheta : 0);
            one = () -> w.viaActors().rate();
            unit = "particle-steps/s";
        }
        org.ensemble.cluster.ClusterBench.Comparison c = org.ensemble.cluster.ClusterBench.compare(cluster, repeats,
                unit, one);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("workload", workload);
        if (interactingTheta != null) {
            line.put("interacting_theta", interactingTheta);
        }
        line.put("n", n);
        line.put("steps", steps);
        line.put("shards", t);
        line.put("shard_nodes", c.shardNodes());
        line.put("repeats", repeats);
        line.put("unit", unit);
        line.put("one_jvm_rate", median(c.oneJvm()));
        line.put("cluster_rate", median(c.cluster()));
        line.put("cluster_ratio", median(c.cluster()) / median(c.oneJvm()));
        line.put("one_jvm_rates", toList(c.oneJvm()));
        line.put("cluster_rates", toList(c.cluster()));
        line.put("wire_steps", c.wire().steps());
        line.put("bytes_per_step", c.wire().bytesPerStep());
        Map<String, Object> types = new LinkedHashMap<>();
        c.wire().counts().forEach((type, k) -> types.put(type, Map.of("count", k.messages(), "bytes", k.bytes())));
        line.put("messages", types);
        line.put("java", System.getProperty("java.version"));
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return 0;
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    private static List<Double> toList(double[] a) {
        List<Double> l = new ArrayList<>();
        for (double x : a) {
            l.add(x);
        }
        return l;
    }
}
