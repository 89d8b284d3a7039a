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
import org.ensemble.kernel.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Time the peers' Langevin workload (1e6 particles × 1000 steps) through the"
        + " actors and as the raw kernel; with --peers, run the C and NumPy peers in the same process tree and print"
        + " the ratios. Prints one JSON line.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--workload", defaultValue = "langevin-double-well", description = "langevin-double-well")
    String workload;

    @Option(names = "--n", defaultValue = "1000000")
    long n;

    @Option(names = "--steps", defaultValue = "1000")
    int steps;

    @Option(names = "--dt", defaultValue = "1e-3")
    double dt;

    @Option(names = "--beta", defaultValue = "4")
    double beta;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--backend", defaultValue = "java", description = "java | aparapi-jtp | aparapi-opencl | auto")
    String backend;

    @Option(names = "--threads", description = "shards/threads (default: available processors)")
    Integer threads;

    @Option(names = "--repeats", defaultValue = "5", description = "timed runs per mode (medians are reported)")
    int repeats;

    @Option(names = "--interacting", paramLabel = "THETA", description = "also time the same particles with a"
            + " mean-field pull θ(x − mean) (one reduce/broadcast per step) and report its cost relative to"
            + " the independent step")
    Double interactingTheta;

    @Option(names = "--peers", paramLabel = "DIR", description = "peer sources (../shared/peers): built into"
            + " target/peers with make and run beside Ensemble")
    Path peers;

    @Override
    public Integer call() throws Exception {
        if (!workload.equals("langevin-double-well")) {
            throw new IllegalArgumentException("--workload: expected langevin-double-well, got " + workload);
        }
        if (repeats < 1 || n < 1 || steps < 1) {
            throw new IllegalArgumentException("--repeats, --n and --steps must be ≥ 1");
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
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
            for (Map.Entry<String, Object> e : p.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> m && m.get("rate") instanceof Number r) {
                    line.put("ratio_vs_" + e.getKey(), rate / r.doubleValue());
                }
            }
        }
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return 0;
    }

    private Map<String, Object> runPeers(int t) throws IOException, InterruptedException {
        Path build = Path.of("target", "peers");
        Files.createDirectories(build);
        try (var files = Files.list(peers)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(f, build.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (exec(build, List.of("make", "-s", "langevin_omp"), Map.of()) == null) {
            out.put("error", "make failed in " + build);
            return out;
        }
        String common = "--n " + n + " --steps " + steps + " --dt " + dt + " --beta " + beta + " --seed " + seed;
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("c_omp_philox_zig", split("./langevin_omp " + common + " --rng philox-zig"));
        cases.put("c_omp_philox_zig2", split("./langevin_omp " + common + " --rng philox-zig2"));
        cases.put("numpy_pcg64", split("python3 langevin.py " + common));
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            List<Double> rates = new ArrayList<>();
            Map<String, Object> lastJson = null;
            int runs = c.getKey().startsWith("numpy") ? Math.min(3, repeats) : repeats;
            for (int i = 0; i < runs; i++) {
                String json = exec(build, c.getValue(), Map.of("OMP_NUM_THREADS", String.valueOf(t)));
                if (json == null || json.isEmpty()) {
                    break;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = new ObjectMapper().readValue(json, Map.class);
                rates.add(((Number) m.get("rate")).doubleValue());
                lastJson = m;
                System.err.printf("peer %s run %d/%d: %.3g particle-steps/s%n", c.getKey(), i + 1, runs,
                        rates.get(rates.size() - 1));
            }
            if (lastJson == null) {
                out.put(c.getKey(), Map.of("error", "did not run (see stderr)"));
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rate", median(rates.stream().mapToDouble(Double::doubleValue).toArray()));
            r.put("rates", rates);
            r.put("mean_x", lastJson.get("mean_x"));
            r.put("escaped", lastJson.get("escaped"));
            out.put(c.getKey(), r);
        }
        return out;
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
