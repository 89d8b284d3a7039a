package org.ensemble.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * The meters of one run, behind the methods the engine calls: no Micrometer type in them, so the
 * engine does not depend on the metrics library. Thread-safe: actors and the coordinator call it
 * from their own threads; gauges read atomics, so a scrape never blocks them, nor they it.
 *
 * <p>Tags are bounded: scenario, run_id and backend on every meter; shard, phase, target, basin,
 * axis, bin and bound where they apply, all bounded by the scenario, never a particle id; and at
 * most {@link #MAX_SERIES_PER_METER} series per meter name whatever a caller passes.
 *
 * <p>Names are dot-separated with base units; Micrometer turns them into Prometheus names
 * ({@code ensemble.steps} → {@code ensemble_steps_total}, timers → {@code _seconds}).
 */
public final class RunMetrics implements AutoCloseable {
    /** Most density bins exported per axis (adjacent bins are merged down to this). */
    public static final int MAX_EXPORTED_BINS = 100;
    /** Histogram axes exported: a heatmap per axis is what a person can watch. */
    public static final int MAX_HISTOGRAM_AXES = 3;
    /** Axes whose mean and variance are exported (high-dimensional systems: the first ones). */
    public static final int MAX_MOMENT_AXES = 16;
    /** Series budget of one meter name (see {@link SeriesBudget}). */
    public static final int MAX_SERIES_PER_METER = 512;
    /** Window of the particle-steps-per-second gauge: a few scrapes at the 2 s interval. */
    public static final Duration RATE_WINDOW = Duration.ofSeconds(10);

    private static final Pattern NAME = Pattern.compile("ensemble(\\.[a-z][a-z0-9_]*)+");
    private static final Pattern TAG_KEY = Pattern.compile("[a-z][a-z0-9_]*");

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private final SeriesBudget budget = new SeriesBudget(MAX_SERIES_PER_METER);
    /** Every series created on demand, by kind, name and tags: AtomicDouble, Counter or Timer. */
    private final Map<String, Object> series = new ConcurrentHashMap<>();
    /** The registered meter behind each gauge key, for the histogram bins that get replaced. */
    private final Map<String, Meter> gaugeMeters = new ConcurrentHashMap<>();
    /** Per axis, the gauge keys of the exported bins (guarded by itself). */
    private final Map<Integer, List<String>> histogramKeys = new HashMap<>();
    private final Counter steps;
    private final Counter particleSteps;
    private final AtomicLong lastStep = new AtomicLong();
    private final AtomicLong lastParticleSteps = new AtomicLong();
    private final AtomicDouble simulatedTime = new AtomicDouble();
    private final AtomicDouble progress = new AtomicDouble();
    private final AtomicDouble active = new AtomicDouble();
    private final SlidingRate rate = new SlidingRate(RATE_WINDOW.toNanos());
    private volatile long plannedSteps;
    private final AtomicLong reports = new AtomicLong();

    /**
     * Meters for one run. {@code scenario}, {@code runId} and {@code backend} tag every meter;
     * {@code device}, {@code seed} and {@code version} only the run-info gauge (they would add
     * nothing to the others' identity).
     */
    public RunMetrics(String scenario, String runId, String backend, String device, long seed, String version) {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Filters and common tags apply only to meters registered after them: set them first.
        registry.config().commonTags("scenario", required(scenario, "scenario"), "run_id", required(runId, "runId"),
                "backend", required(backend, "backend"));
        registry.config().meterFilter(new PromtoolCleanFilter());
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);

        Gauge.builder("ensemble.run.info", () -> 1.0)
                .tags("device", required(device, "device"), "seed", Long.toString(seed), "version",
                        required(version, "version"))
                .description("Run information (value is always 1)").register(registry);
        steps = Counter.builder("ensemble.steps").description("Time steps completed").register(registry);
        particleSteps = Counter.builder("ensemble.particle.steps").description("Particle-steps advanced")
                .register(registry);
        Gauge.builder("ensemble.simulated.time", simulatedTime, AtomicDouble::get)
                .description("Simulated time reached (model time units)").register(registry);
        Gauge.builder("ensemble.progress.ratio", progress, AtomicDouble::get)
                .description("Fraction of the planned steps done").register(registry);
        Gauge.builder("ensemble.particle.steps.rate", rate, r -> r.perSecond(System.nanoTime()))
                .description("Particle-steps per second over the last " + RATE_WINDOW.toSeconds() + " s")
                .register(registry);
        Gauge.builder("ensemble.active.particles", active, AtomicDouble::get)
                .description("Particles still moving (not absorbed)").register(registry);
    }

    private static String required(String v, String what) {
        return Objects.requireNonNull(v, () -> "RunMetrics: " + what + " is null");
    }

    /** The registry to hand to {@link MetricsServer}; the engine never needs it. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    // ---- progress and throughput -------------------------------------------------------------

    /** The number of steps the run plans, for the progress gauge; unknown (NaN) until set. */
    public void plannedSteps(long total) {
        plannedSteps = total;
    }

    /**
     * Progress: {@code step} steps done, simulated time {@code time} reached, {@code particleSteps}
     * particle-steps advanced so far. All three are totals since the start of the run (so a
     * repeated or late report cannot count twice); the counters grow by the difference.
     */
    public void stepsCompleted(long step, double time, long particleSteps) {
        long previousStep = lastStep.getAndAccumulate(step, Math::max);
        if (step > previousStep) {
            steps.increment(step - previousStep);
        }
        long previousPs = lastParticleSteps.getAndAccumulate(particleSteps, Math::max);
        if (particleSteps > previousPs) {
            this.particleSteps.increment(particleSteps - previousPs);
        }
        simulatedTime.set(time);
        long planned = plannedSteps;
        if (planned > 0) {
            progress.set(Math.min(1.0, (double) lastStep.get() / planned));
        }
        rate.record(System.nanoTime(), lastParticleSteps.get());
        reports.incrementAndGet();
    }

    /** Particles still moving (absorbing targets remove them). */
    public void activeParticles(long n) {
        active.set(n);
    }

    // ---- where the time goes -----------------------------------------------------------------

    /** Shard {@code shard} spent {@code nanos} in {@code phase} ("advance" or "statistics") of a step. */
    public void shardPhase(int shard, String phase, long nanos) {
        if (shard < 0) {
            throw new IllegalArgumentException("shard index must be >= 0, got " + shard);
        }
        if (!TAG_KEY.matcher(phase).matches()) {
            throw new IllegalArgumentException("phase must be a lower-case word such as advance, got '" + phase + "'");
        }
        Timer t = timer("ensemble.shard.phase", "Time a shard spent in a step phase",
                Tags.of("shard", Integer.toString(shard), "phase", phase));
        if (t != null) {
            t.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The coordinator spent {@code nanos} merging the shards' statistics of a step. */
    public void merge(long nanos) {
        Timer t = timer("ensemble.merge", "Time the coordinator spent merging shard statistics", Tags.empty());
        if (t != null) {
            t.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    // ---- escapes -------------------------------------------------------------------------------

    /** Declares the escape targets up front, so their counters exist (at 0) from the first scrape. */
    public void targets(List<String> names) {
        for (String t : names) {
            escapes(t, 0);
        }
    }

    /** {@code n} more first passages into {@code target} (a target name of the scenario). */
    public void escapes(String target, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("escapes: a count cannot go down, got " + n);
        }
        Counter c = counter("ensemble.escapes", "First passages into an escape target", Tags.of("target", target));
        if (c != null && n > 0) {
            c.increment(n);
        }
    }

    /**
     * The live mean first-passage time estimate {@code value} with its 95% CI [{@code low},
     * {@code high}] (one gauge, tag bound = estimate | ci_low | ci_high, so Grafana draws the band
     * from one query) and the escape rate {@code rate}.
     */
    public void mfpt(double value, double low, double high, double rate) {
        String help = "Live mean first-passage time estimate and its 95% CI bounds";
        gaugeValue("ensemble.mfpt", help, Tags.of("bound", "estimate")).set(value);
        gaugeValue("ensemble.mfpt", help, Tags.of("bound", "ci_low")).set(low);
        gaugeValue("ensemble.mfpt", help, Tags.of("bound", "ci_high")).set(high);
        gaugeValue("ensemble.escape.rate", "Live escape rate k = 1/MFPT", Tags.empty()).set(rate);
    }

    /** Fraction of the particles in each basin (basin names of the scenario, plus e.g. "escaped"). */
    public void occupancy(Map<String, Double> fractions) {
        fractions.forEach((basin, f) -> gaugeValue("ensemble.basin.occupancy", "Fraction of particles in a basin",
                Tags.of("basin", basin)).set(f));
    }

    // ---- the empirical measure -----------------------------------------------------------------

    /** Mean and variance of the empirical measure per axis (the first {@link #MAX_MOMENT_AXES}). */
    public void moments(double[] mean, double[] variance) {
        int axes = Math.min(MAX_MOMENT_AXES, Math.min(mean.length, variance.length));
        for (int c = 0; c < axes; c++) {
            Tags axis = Tags.of("axis", Integer.toString(c));
            gaugeValue("ensemble.measure.mean", "Mean of the empirical measure", axis).set(mean[c]);
            gaugeValue("ensemble.measure.variance", "Variance of the empirical measure", axis).set(variance[c]);
        }
    }

    /**
     * The histogram of positions along {@code axis}: {@code counts[i]} particles in
     * [{@code edges[i]}, {@code edges[i+1]}). Exported as a probability density over the binned
     * particles (integrates to 1 over the range); see the overload to normalise by the population.
     */
    public void histogram(int axis, double[] edges, long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        histogram(axis, edges, counts, n);
    }

    /**
     * As {@link #histogram(int, double[], long[])}, but the density is per particle of
     * {@code population}, so particles outside the range or absorbed lower it (the heatmap then
     * shows mass leaving). One gauge per bin, {@code ensemble_measure_density{axis, bin}}, the bin
     * tagged with its centre to 4 significant digits (more where needed to tell bins apart), for a
     * Grafana heatmap. At most {@link #MAX_EXPORTED_BINS} bins (adjacent ones merged) on the first
     * {@link #MAX_HISTOGRAM_AXES} axes; when the edges change, the old bins' series are removed, so
     * an adaptive range cannot grow the series without bound.
     */
    public void histogram(int axis, double[] edges, long[] counts, long population) {
        if (edges.length != counts.length + 1 || counts.length == 0) {
            throw new IllegalArgumentException("histogram: " + counts.length + " counts need " + (counts.length + 1)
                    + " edges, got " + edges.length);
        }
        for (int i = 0; i < counts.length; i++) {
            if (!(edges[i] < edges[i + 1]) || !Double.isFinite(edges[i]) || !Double.isFinite(edges[i + 1])) {
                throw new IllegalArgumentException("histogram: edges must be finite and increasing, got "
                        + edges[i] + " then " + edges[i + 1]);
            }
        }
        if (axis < 0 || axis >= MAX_HISTOGRAM_AXES) {
            return;
        }
        int bins = counts.length;
        int group = (bins + MAX_EXPORTED_BINS - 1) / MAX_EXPORTED_BINS;
        int exported = (bins + group - 1) / group;
        double[] centres = new double[exported];
        double[] density = new double[exported];
        for (int g = 0; g < exported; g++) {
            int from = g * group;
            int to = Math.min(bins, from + group);
            long c = 0;
            for (int k = from; k < to; k++) {
                c += counts[k];
            }
            double width = edges[to] - edges[from];
            centres[g] = 0.5 * (edges[from] + edges[to]);
            density[g] = population <= 0 ? 0 : c / (population * width);
        }
        String[] labels = binLabels(centres);
        String name = "ensemble.measure.density";
        String help = "Density of the empirical measure per unit length, by bin centre";
        synchronized (histogramKeys) {
            List<String> keys = new ArrayList<>(exported);
            for (int g = 0; g < exported; g++) {
                Tags tags = Tags.of("axis", Integer.toString(axis), "bin", labels[g]);
                keys.add(key("gauge", name, tags));
                gaugeValue(name, help, tags).set(density[g]);
            }
            List<String> old = histogramKeys.put(axis, keys);
            if (old != null) {
                HashSet<String> kept = new HashSet<>(keys);
                for (String k : old) {
                    if (!kept.contains(k)) {
                        removeGauge(name, k);
                    }
                }
            }
        }
    }

    /** Bin centres as short, distinct labels: 4 significant digits, more only where two coincide. */
    static String[] binLabels(double[] centres) {
        for (int digits = 4; ; digits++) {
            String[] out = new String[centres.length];
            HashSet<String> seen = new HashSet<>();
            MathContext mc = new MathContext(digits);
            for (int i = 0; i < centres.length; i++) {
                out[i] = new BigDecimal(centres[i]).round(mc).stripTrailingZeros().toPlainString();
                seen.add(out[i]);
            }
            if (seen.size() == centres.length || digits >= 17) {
                return out;
            }
        }
    }

    // ---- hooks for later capabilities (risk measures, W2 to a PDE, ...) --------------------------

    /**
     * A gauge of one's own: {@code name} dot-separated under {@code ensemble.} with its base unit,
     * {@code tags} as key, value pairs with bounded values (never an id). Returns the setter to
     * call with each new value; cheap to call again with the same name and tags.
     */
    public DoubleConsumer gauge(String name, String description, String... tags) {
        AtomicDouble v = gaugeValue(checkedName(name), description, checkedTags(tags));
        return v::set;
    }

    /** A counter of one's own (same rules as {@link #gauge}); returns "add this many". */
    public LongConsumer counter(String name, String description, String... tags) {
        Counter c = counter(checkedName(name), description, checkedTags(tags));
        return n -> {
            if (n < 0) {
                throw new IllegalArgumentException(name + ": a counter cannot go down, got " + n);
            }
            if (c != null) {
                c.increment(n);
            }
        };
    }

    private static String checkedName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("meter name must be dot-separated lower-case words under 'ensemble.',"
                    + " e.g. ensemble.risk.cvar, got '" + name + "'");
        }
        return name;
    }

    private static Tags checkedTags(String... tags) {
        if (tags.length % 2 != 0) {
            throw new IllegalArgumentException("tags are key, value pairs; got an odd count " + tags.length);
        }
        for (int i = 0; i < tags.length; i += 2) {
            if (!TAG_KEY.matcher(tags[i]).matches() || List.of("scenario", "run_id", "backend").contains(tags[i])) {
                throw new IllegalArgumentException("bad tag key '" + tags[i] + "': lower-case, and not one of the"
                        + " common tags");
            }
            if (tags[i + 1] == null) {
                throw new IllegalArgumentException("tag value of " + tags[i] + " is null");
            }
        }
        return Tags.of(tags);
    }

    // ---- series on demand, within the budget ---------------------------------------------------

    private static String key(String kind, String name, Tags tags) {
        return kind + ' ' + name + ' ' + tags; // Tags print sorted by key: a stable identity
    }

    /** The value holder of a gauge; over budget, a detached holder nobody reads. */
    private AtomicDouble gaugeValue(String name, String description, Tags tags) {
        String k = key("gauge", name, tags);
        Object v = series.computeIfAbsent(k, x -> {
            if (!budget.take(name)) {
                return null;
            }
            AtomicDouble d = new AtomicDouble();
            gaugeMeters.put(x, Gauge.builder(name, d, AtomicDouble::get).description(description).tags(tags)
                    .register(registry));
            return d;
        });
        return v == null ? new AtomicDouble() : (AtomicDouble) v;
    }

    private void removeGauge(String name, String k) {
        series.remove(k);
        Meter m = gaugeMeters.remove(k);
        if (m != null) {
            registry.remove(m);
            budget.release(name);
        }
    }

    /** Null over budget. */
    private Counter counter(String name, String description, Tags tags) {
        return (Counter) series.computeIfAbsent(key("counter", name, tags), x -> budget.take(name)
                ? Counter.builder(name).description(description).tags(tags).register(registry)
                : null);
    }

    /**
     * Null over budget. Count, sum and max only: no percentiles and no percentile histogram (per
     * shard and phase that would be dozens of bucket series each; and DESIGN §9: both together
     * silently drop the percentiles).
     */
    private Timer timer(String name, String description, Tags tags) {
        return (Timer) series.computeIfAbsent(key("timer", name, tags), x -> budget.take(name)
                ? Timer.builder(name).description(description).tags(tags).register(registry)
                : null);
    }

    // ---- for tests and the CLI -----------------------------------------------------------------

    /** How many progress reports arrived (a cheap liveness check for tests). */
    public long reports() {
        return reports.get();
    }

    /** The registered meters (tests check names and tags). */
    List<Meter> meters() {
        return registry.getMeters();
    }

    /** Unhooks the GC listener and closes the registry. */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
