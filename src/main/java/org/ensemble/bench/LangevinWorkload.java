package org.ensemble.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ensemble.langevin.LangevinPopulation;
import org.ensemble.langevin.LangevinSpec;
import org.ensemble.langevin.Measure;
import org.ensemble.langevin.ObservationSpec;
import org.ensemble.langevin.RunOutcome;
import org.ensemble.langevin.RunPlan;
import org.ensemble.langevin.ShardWorker;
import org.ensemble.langevin.StatisticsLevel;
import org.ensemble.kernel.Backend;
import org.ensemble.kernel.EscapeTargets;
import org.ensemble.kernel.LangevinSetup;
import org.ensemble.kernel.Steppers;
import org.ensemble.population.BlockLayout;
import org.ensemble.population.ParticleSlab;
import org.ensemble.population.PointInitial;
import org.ensemble.population.Populations;
import org.ensemble.scenario.Scenario;
import org.ensemble.scenario.ScenarioLoader;
import org.ensemble.langevin.BlockStatistics;
import org.ensemble.observe.escape.EndCensoredSample;
import org.ensemble.observe.escape.ExponentialityTest;
import org.ensemble.observe.escape.KaplanMeier;
import org.ensemble.observe.escape.MfptEstimator;

/**
 * The peers' workload 1 (../shared/peers, langevin-double-well): N particles from x = −1 in
 * (x² − 1)², Euler–Maruyama, first passage to x ≥ 1 recorded (not absorbing). Runs either through
 * the actors (the real engine) or as the raw kernel on plain threads, to measure what the actor
 * layer costs. With the same seed its randomness is the C peer's {@code --rng philox-zig2}, so the
 * observables match it exactly.
 */
public final class LangevinWorkload {
    /** Observables and timing of one run. */
    public record Result(double seconds, double meanX, long escaped, long particleSteps) {
        public double rate() {
            return particleSteps / seconds;
        }
    }

    private final long n;
    private final int steps;
    private final double dt;
    private final double beta;
    private final long seed;
    private final Backend backend;
    private final int threads;
    private final double theta;

    public LangevinWorkload(long n, int steps, double dt, double beta, long seed, Backend backend, int threads) {
        this(n, steps, dt, beta, seed, backend, threads, 0);
    }

    /**
     * With θ > 0 the particles are pulled toward the population mean (Desai–Zwanzig): one step per
     * phase, the coordinator reducing the shards' sums and broadcasting the mean every step; no
     * escape target (the interacting workload is about the field, not first passages).
     */
    public LangevinWorkload(long n, int steps, double dt, double beta, long seed, Backend backend, int threads,
                            double theta) {
        this.n = n;
        this.steps = steps;
        this.dt = dt;
        this.beta = beta;
        this.seed = seed;
        this.backend = backend;
        this.threads = threads;
        this.theta = theta;
    }

    /** The workload as a scenario (what the shards build their particles from). */
    Scenario scenario() {
        String text = "name = bench-langevin\nseed = " + seed + "\nbackend = " + backend.key() + "\nshards = "
                + threads + "\nblock-size = 4096\n"
                + "population { size = " + n + ", init { point = [-1.0] } }\n"
                + "potential { type = double-well }\n"
                + "dynamics { type = overdamped, beta = " + beta + ", dt = " + dt + " }\n"
                + (theta > 0 ? "interaction { type = mean-attraction, theta = " + theta + " }\n"
                : "escape { absorbing = false, targets = [ { name = right, half-space { axis = 0, threshold = 1.0 }"
                + " } ] }\n")
                + "run { time = " + steps * dt + ", report-every = " + steps * dt + " }\n";
        return ScenarioLoader.loadString(text, "bench workload");
    }

    private EscapeTargets targets() {
        return theta > 0 ? EscapeTargets.none(1) : new EscapeTargets(1).halfSpace("right", 0, 1.0, true);
    }

    LangevinSetup setup() {
        return LangevinSpec.setupOf(scenario(), targets());
    }

    ObservationSpec observation() {
        return new ObservationSpec(1, new double[] {-2}, new double[] {2}, 100, 1, new double[] {0.5}, List.of(),
                List.of(), theta > 0 ? List.of() : List.of("right"), false, false);
    }

    public Steppers.Resolved resolved() {
        return Steppers.resolve(backend, setup());
    }

    /** The whole engine: coordinator, shard actors, statistics at start and end. */
    public Result viaActors() {
        Scenario s = scenario();
        LangevinSetup setup = LangevinSpec.setupOf(s, targets());
        LangevinSpec spec = LangevinSpec.of(s, targets(), observation(), new RunPlan(steps, steps, dt, theta > 0),
                Steppers.resolve(backend, setup));
        Measure[] last = new Measure[1];
        RunOutcome out = LangevinPopulation.run(spec, m -> last[0] = m);
        // From the coordinator's start to the last merge: phases, messages and statistics included;
        // building slabs and starting the actor system excluded, as the raw path excludes them too.
        double secs = out.seconds();
        if (!out.ok()) {
            throw new IllegalStateException("benchmark run failed: " + out.message());
        }
        return new Result(secs, last[0].mean()[0], theta > 0 ? 0 : last[0].reached()[0], n * steps);
    }

    /** The same slabs and steppers on plain threads, no actors: the floor the actor layer is measured against. */
    public Result raw() throws Exception {
        return raw(null);
    }

    /** A point of {@code bench --scale}: the raw run's rate and the end-of-run analysis of its escapes. */
    public record ScalePoint(Result run, double analysisSeconds, long escaped) {
    }

    /**
     * The raw run, then the analysis an escape run ends with (MFPT with its bootstrap CI,
     * Kaplan–Meier, the exponentiality bootstrap with the run's replicate rule) on its escape
     * times, timed apart.
     */
    public ScalePoint scalePoint() throws Exception {
        List<Double> times = new ArrayList<>();
        Result r = raw(times);
        double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
        long t0 = System.nanoTime();
        EndCensoredSample sample = new EndCensoredSample(t, n - t.length, steps * dt);
        MfptEstimator.forEscapeRun(sample, 0.95);
        KaplanMeier.fit(sample, 0.95);
        ExponentialityTest.test(sample, 0.05, sample.size() <= 50_000 ? 199 : 49, 0x5EEDL);
        return new ScalePoint(r, (System.nanoTime() - t0) / 1e9, t.length);
    }

    /** {@code escapeTimes}, when not null, receives the escape times of the run (step × dt). */
    private Result raw(List<Double> escapeTimes) throws Exception {
        LangevinSetup setup = setup();
        BlockLayout layout = new BlockLayout(n, 4096);
        int shards = layout.shardsFor(threads);
        Steppers.Resolved r = Steppers.resolve(backend, setup);
        List<ShardWorker> workers = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            int fb = layout.firstBlockOf(s, shards);
            int lb = layout.firstBlockOf(s + 1, shards);
            long first = layout.blockStart(fb);
            long end = lb < layout.blocks() ? layout.blockStart(lb) : n;
            ParticleSlab slab = new ParticleSlab(first, (int) (end - first), 1, false);
            Populations.initialize(slab, new PointInitial(new double[] {-1}), seed, beta);
            workers.add(new ShardWorker(slab, r.create(setup), layout, fb, lb - fb, observation()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(shards);
        try {
            long t0 = System.nanoTime();
            List<Future<List<BlockStatistics>>> fs = new ArrayList<>();
            for (ShardWorker w : workers) {
                fs.add(pool.submit(() -> {
                    w.advance(0, steps, null);
                    return w.statistics(StatisticsLevel.FULL, 0, steps);
                }));
            }
            List<BlockStatistics> all = new ArrayList<>();
            for (Future<List<BlockStatistics>> f : fs) {
                all.addAll(f.get());
            }
            Measure m = Measure.merge(all, observation(), StatisticsLevel.FULL, steps, steps * dt);
            double secs = (System.nanoTime() - t0) / 1e9;
            if (escapeTimes != null) {
                for (ShardWorker w : workers) {
                    for (long h : w.slab().hitSteps()) {
                        if (h != 0) {
                            escapeTimes.add(h * dt);
                        }
                    }
                }
            }
            return new Result(secs, m.mean()[0], m.reached()[0], n * steps);
        } finally {
            pool.shutdownNow();
            workers.forEach(ShardWorker::close);
        }
    }
}
