package org.ensemble.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The meters of one run, behind methods the engine's listeners call (no Micrometer types in the
 * signatures). Tags are bounded: scenario, run id and backend on every meter; shard, phase,
 * target, basin, axis and histogram bin where they apply (all bounded by the scenario), never a
 * particle id. Gauges read atomics, so scrapes never block the coordinator.
 */
public final class RunMetrics implements AutoCloseable {
    /** Most density bins exported per axis (more are merged), to keep series bounded. */
    public static final int MAX_EXPORTED_BINS = 100;

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private final Map<String, AtomicDouble> gauges = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Counter steps;
    private final Counter particleSteps;
    private long lastRateNanos = System.nanoTime();
    private final DoubleAdder pendingParticleSteps = new DoubleAdder();
    private final AtomicLong reports = new AtomicLong();

    /** A double gauge value holder. */
    static final class AtomicDouble {
        private final AtomicLong bits = new AtomicLong(Double.doubleToLongBits(Double.NaN));

        void set(double v) {
            bits.set(Double.doubleToLongBits(v));
        }

        double get() {
            return Double.longBitsToDouble(bits.get());
        }
    }

    public RunMetrics(String scenario, String runId, String backend, String device, long seed, String version) {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("scenario", scenario, "run_id", runId, "backend", backend);
        // `promtool check metrics` must pass on the whole page: built-in meters it rejects are
        // dropped ("ns" is an abbreviated unit; "_count" is reserved for histograms and summaries).
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")
                || id.getName().equals("system.cpu.count")));
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("ensemble.run.info", () -> 1.0)
                .tags("device", device, "seed", Long.toString(seed), "version", version)
                .description("Run information (value is always 1)").register(registry);
        steps = Counter.builder("ensemble.steps").description("Time steps completed").register(registry);
        particleSteps = Counter.builder("ensemble.particle.steps").description("Particle-steps advanced")
                .register(registry);
        gauge("ensemble.simulated.time", "Simulated time reached", Tags.empty());
        gauge("ensemble.particle.steps.rate", "Particle-steps per second over the last report interval",
                Tags.empty());
        gauge("ensemble.active.particles", "Particles still moving (not absorbed)", Tags.empty());
        gauge("ensemble.progress.ratio", "Fraction of the run's steps done", Tags.empty());
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    private AtomicDouble gauge(String name, String description, Tags tags) {
        String key = name + tags;
        return gauges.computeIfAbsent(key, k -> {
            AtomicDouble v = new AtomicDouble();
            Gauge.builder(name, v, AtomicDouble::get).description(description).tags(tags).register(registry);
            return v;
        });
    }

    /** A free-form gauge for later capabilities (risk, W2 to a PDE): bounded tags only. */
    public void set(String name, String description, double value, String... tags) {
        gauge(name, description, Tags.of(tags)).set(value);
    }

    public void stepsCompleted(long step, long totalSteps, double time, long newSteps, long newParticleSteps) {
        steps.increment(newSteps);
        particleSteps.increment(newParticleSteps);
        pendingParticleSteps.add(newParticleSteps);
        gauge("ensemble.simulated.time", "", Tags.empty()).set(time);
        gauge("ensemble.progress.ratio", "", Tags.empty()).set((double) step / totalSteps);
        long now = System.nanoTime();
        double secs = (now - lastRateNanos) / 1e9;
        if (secs > 0.05) {
            gauge("ensemble.particle.steps.rate", "", Tags.empty()).set(pendingParticleSteps.sumThenReset() / secs);
            lastRateNanos = now;
        }
        reports.incrementAndGet();
    }

    public void activeParticles(long n) {
        gauge("ensemble.active.particles", "", Tags.empty()).set(n);
    }

    public void shardPhase(int shard, String phase, long nanos) {
        timers.computeIfAbsent(shard + "/" + phase, k -> Timer.builder("ensemble.shard.phase")
                .description("Time a shard spent in a step phase").tags("shard", Integer.toString(shard), "phase",
                        phase).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void merge(long nanos) {
        timers.computeIfAbsent("merge", k -> Timer.builder("ensemble.merge")
                .description("Time the coordinator spent merging shard statistics").register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Declares the escape targets up front, so their counters exist (at 0) from the first scrape. */
    public void targets(List<String> names) {
        for (String t : names) {
            escapes(t, 0);
        }
    }

    public void escapes(String target, long n) {
        counters.computeIfAbsent(target, k -> Counter.builder("ensemble.escapes")
                .description("First passages into an escape target").tag("target", target).register(registry))
                .increment(n);
    }

    public void mfpt(double estimate, double low, double high, double rate) {
        String help = "Live mean first-passage time estimate and its 95% CI bounds";
        gauge("ensemble.mfpt", help, Tags.of("bound", "estimate")).set(estimate);
        gauge("ensemble.mfpt", help, Tags.of("bound", "ci_low")).set(low);
        gauge("ensemble.mfpt", help, Tags.of("bound", "ci_high")).set(high);
        gauge("ensemble.escape.rate", "Live escape rate k = 1/MFPT", Tags.empty()).set(rate);
    }

    public void occupancy(Map<String, Double> fractions) {
        fractions.forEach((basin, f) -> gauge("ensemble.basin.occupancy", "Fraction of particles in a basin",
                Tags.of("basin", basin)).set(f));
    }

    public void moments(double[] mean, double[] variance) {
        for (int c = 0; c < mean.length && c < 16; c++) {
            Tags axis = Tags.of(Tag.of("axis", Integer.toString(c)));
            gauge("ensemble.measure.mean", "Mean of the empirical measure", axis).set(mean[c]);
            gauge("ensemble.measure.variance", "Variance of the empirical measure", axis).set(variance[c]);
        }
    }

    /**
     * The histogram of axis {@code axis} as one gauge per bin (density per unit length, tagged
     * with the bin's centre), suited to a Grafana heatmap.
     */
    public void histogram(int axis, double low, double high, long[] counts, long population) {
        int bins = counts.length;
        int group = (bins + MAX_EXPORTED_BINS - 1) / MAX_EXPORTED_BINS;
        double width = (high - low) / bins * group;
        for (int b = 0; b < bins; b += group) {
            long c = 0;
            for (int k = b; k < Math.min(bins, b + group); k++) {
                c += counts[k];
            }
            double centre = low + (b + 0.5 * group) * (high - low) / bins;
            gauge("ensemble.measure.density", "Density of the empirical measure per unit length, by bin centre",
                    Tags.of("axis", Integer.toString(axis), "bin", String.format("%.4g", centre)))
                    .set(population == 0 ? 0 : c / (population * width));
        }
    }

    public long reports() {
        return reports.get();
    }

    public List<Meter> meters() {
        return registry.getMeters();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
