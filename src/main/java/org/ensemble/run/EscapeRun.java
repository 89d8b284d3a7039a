package org.ensemble.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ensemble.checkpoint.CheckpointIdentity;
import org.ensemble.observe.ObservedMeasure;
import org.ensemble.observe.ReportValues;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.Observer;
import org.ensemble.step.Observers;
import org.ensemble.step.PhaseTimings;
import org.ensemble.step.ResumePoint;
import org.ensemble.step.Granularity;
import org.ensemble.langevin.LangevinPopulation;
import org.ensemble.langevin.LangevinSpec;
import org.ensemble.langevin.EscapeEvent;
import org.ensemble.langevin.Measure;
import org.ensemble.langevin.ObservationSpec;
import org.ensemble.langevin.RunOutcome;
import org.ensemble.kernel.Backend;
import org.ensemble.kernel.BackendUnavailableException;
import org.ensemble.kernel.Steppers;
import org.ensemble.meanfield.PdeBeside;
import org.ensemble.observe.MeasureRecorder;
import org.ensemble.observe.escape.EndCensoredSample;
import org.ensemble.observe.escape.ExponentialityResult;
import org.ensemble.observe.escape.ExponentialityTest;
import org.ensemble.observe.escape.KaplanMeier;
import org.ensemble.observe.escape.MfptEstimate;
import org.ensemble.observe.escape.MfptEstimator;
import org.ensemble.output.CsvWriter;
import org.ensemble.output.RunDirectory;
import org.ensemble.plot.ChartFiles;
import org.ensemble.plot.HeatMaps;
import org.ensemble.plot.SurvivalPlot;
import org.ensemble.population.BlockLayout;
import org.ensemble.scenario.Scenario;
import org.ensemble.theory.StationaryPoint;
import org.ensemble.theory.TransitionEstimate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ensemble.meanfield.SwitchingObserver;
import org.ensemble.observe.ColumnSource;

/**
 * Runs one escape-time scenario end to end: engine and actors, observers, escape statistics
 * beside theory, and the run directory ({@code scenario.conf}, {@code summary.json},
 * {@code timeseries.csv}, {@code escapes.csv}, {@code run.json}, {@code plots/}).
 *
 * <p>{@code summary.json} and {@code escapes.csv} depend only on scenario, seed and backend, never
 * on shards, granularity or timing (the determinism contract); timings and the machine go to
 * {@code run.json}.
 */
public final class EscapeRun {
    private static final Logger LOG = LoggerFactory.getLogger(EscapeRun.class);
    static final double CONFIDENCE = 0.95;
    /** Bootstrap replicates and seed of the exponentiality test: fixed, so reports are reproducible. */
    static final int KS_REPLICATES = 199;
    static final long KS_SEED = 0x5EEDL;

    private EscapeRun() {
    }

    public static RunResult execute(Scenario s, RunOptions o, PrintStream out) {
        Preflight.memory(s); // also for sweep points, which the CLI does not check one by one
        RunSetup rs = RunSetup.of(s);
        Backend requested = s.backend();
        if (s.granularity() == Granularity.MEMBER && requested == Backend.AUTO) {
            requested = Backend.JAVA;
        }
        Steppers.Resolved backend = Steppers.resolve(requested, rs.langevin());
        if (s.granularity() == Granularity.MEMBER && backend.backend() != Backend.JAVA) {
            throw new BackendUnavailableException("granularity particle runs on backend java only");
        }
        LOG.atLevel(o.quiet() ? org.slf4j.event.Level.DEBUG : org.slf4j.event.Level.INFO).log("scenario {}: {}"
                + " particles, backend {} ({}), device {}", s.name(), s.populationSize(), backend.backend().key(),
                backend.reason(), backend.deviceDescription()); // --quiet: the final report only
        Langevin kind = new Langevin(s, rs, backend, o, out);
        RunPipeline.Done<RunOutcome> done = RunPipeline.execute(kind, o.out(), o.resume(), o.shownAs(), out);
        Double exact = rs.theory().flatMap(TransitionEstimate::exactMfpt).orElse(null);
        Double ek = rs.theory().map(TransitionEstimate::eyringKramersMfpt).orElse(null);
        return new RunResult(done.directory(), done.outcome(), kind.mfpt, exact, ek, kind.summary);
    }

    /** Langevin particles' side of the run pipeline: measure recorder, PDE beside, switching, escape statistics. */
    private static final class Langevin implements RunPipeline.KindRun<Measure, ObservedMeasure, RunOutcome> {
        private final Scenario s;
        private final RunSetup rs;
        private final Steppers.Resolved backend;
        private final RunOptions o;
        private final PrintStream out;
        private final ObservationSpec obs;
        private final LangevinSpec spec;
        private final java.util.Optional<PdeBeside> pde;
        private final SwitchingObserver switching;
        private final List<ColumnSource> extra;
        private MeasureRecorder rec;
        private PhaseTimings timings;
        /** The observers besides the recorder (progress, live metrics, switching). */
        private Observer<Measure> others;
        private MfptEstimate mfpt;
        private KaplanMeier km;
        private ExponentialityResult expo;
        private Map<String, Object> summary;

        Langevin(Scenario s, RunSetup rs, Steppers.Resolved backend, RunOptions o, PrintStream out) {
            this.s = s;
            this.rs = rs;
            this.backend = backend;
            this.o = o;
            this.out = out;
            this.obs = rs.observation();
            this.spec = LangevinSpec.of(s, rs.langevin().targets(), obs, rs.plan(), backend);
            this.pde = rs.pdeComparison();
            this.switching = rs.switchingObserver().orElse(null);
            this.extra = pde.<List<ColumnSource>>map(List::of).orElse(List.of());
        }

        @Override
        public CheckpointIdentity identity() {
            return CheckpointIdentity.of("langevin", s.name(), s.resolved(), backend.backend().key(),
                    s.populationSize());
        }

        @Override
        public org.ensemble.scenario.PopulationScenario scenario() {
            return s;
        }

        @Override
        public double stepTime() {
            return s.dynamics().dt();
        }

        @Override
        public Class<ObservedMeasure> observedType() {
            return ObservedMeasure.class;
        }

        @Override
        public RunPipeline.Opened<Measure> open(RunDirectory dir) {
            CsvWriter ts = new CsvWriter(dir.file("timeseries.csv"), MeasureRecorder.header(obs, extra));
            Progress progress = new Progress(s.name(), rs.plan().totalSteps(), s.dynamics().dt(), o.quiet());
            RunContext ctx = new RunContext(s.name(), dir.target().getFileName().toString(), backend.backend().key(),
                    backend.deviceDescription(), s.seed(), s.populationSize(), rs.plan().totalSteps(),
                    s.dynamics().dt(), obs);
            Observer<Measure> live = o.extra().apply(ctx);
            timings = live instanceof PhaseTimings t ? t : PhaseTimings.NONE;
            rec = new MeasureRecorder(obs, ts, live instanceof ReportValues v ? v : ReportValues.NONE, extra);
            others = switching == null ? Observers.of(progress, live) : Observers.of(progress, live, switching);
            return new RunPipeline.Opened<>(Observers.of(rec, others), () -> {
                try (ts) {
                    progress.close();
                }
            });
        }

        /** After the recorder has seen it: it knows which positions its column sources need again. */
        @Override
        public ObservedMeasure logged(Measure m) {
            return rec.logRecord(m);
        }

        @Override
        public void replay(ObservedMeasure r) {
            rec.replay(r);
            others.observe(r.measure());
        }

        @Override
        public RunOutcome run(Observer<Measure> observer, CheckpointSink checkpoints, ResumePoint resume) {
            return LangevinPopulation.run(spec, observer, timings, o.stop(), checkpoints, resume);
        }

        @Override
        public boolean resumable(RunOutcome outcome) {
            return outcome.status() == RunOutcome.Status.INTERRUPTED || outcome.status() == RunOutcome.Status.FAILED;
        }

        @Override
        public void results(RunDirectory dir, RunOutcome outcome, double wall) {
            if (rec.lastFull() == null) {
                throw new RunFailedException("run " + s.name() + " failed before its first report: "
                        + outcome.message());
            }
            double dt = s.dynamics().dt();
            List<EscapeEvent> events = new ArrayList<>(rec.events());
            events.sort(Comparator.comparingLong(EscapeEvent::step).thenComparingLong(EscapeEvent::id));
            try (CsvWriter esc = new CsvWriter(dir.file("escapes.csv"), List.of("id", "step", "time", "target"))) {
                for (EscapeEvent e : events) {
                    esc.row(e.id(), e.step(), e.step() * dt, obs.targetNames().get(e.target()));
                }
            }
            double endTime = outcome.steps() * dt;
            if (!obs.targetNames().isEmpty()) {
                if (!o.quiet()) {
                    System.err.printf("analysing %d escape times (bootstrap CI, exponentiality test) ...%n",
                            events.size());
                }
                double[] times = events.stream().mapToDouble(e -> e.step() * dt).toArray();
                // The censored as a count, not an array: memory for the escapes only, time linear in N.
                EndCensoredSample sample = new EndCensoredSample(times, s.populationSize() - events.size(), endTime);
                mfpt = MfptEstimator.forEscapeRun(sample, CONFIDENCE);
                km = KaplanMeier.fit(sample, CONFIDENCE);
                // Bootstrap cost grows with n; beyond 5e4 escapes 49 replicates (p resolution 0.02) suffice.
                int reps = sample.size() <= 50_000 ? KS_REPLICATES : 49;
                expo = ExponentialityTest.test(sample, 0.05, reps, KS_SEED);
            }
            summary = summary(s, rs, backend, backend.deviceDescription(), outcome, rec.lastFull(), mfpt, km, expo,
                    endTime);
            MeanField.addTo(summary, s, rec, pde.orElse(null), switching, out);
            json(dir.file("summary.json"), summary);
            Map<String, Object> runInfo = new LinkedHashMap<>();
            runInfo.put("shards", s.shards());
            runInfo.put("granularity", s.granularity() == Granularity.MEMBER ? "particle" : "block");
            runInfo.put("block_size", s.blockSize());
            runInfo.put("wall_seconds", wall);
            runInfo.put("particle_steps", particleSteps(events, s, outcome.steps()));
            runInfo.put("particle_steps_per_second", particleSteps(events, s, outcome.steps()) / wall);
            runInfo.put("java", System.getProperty("java.version"));
            runInfo.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            runInfo.put("processors", Runtime.getRuntime().availableProcessors());
            json(dir.file("run.json"), runInfo);
            if (o.plots()) {
                plots(dir.file("plots"), s, obs, rec, km, mfpt);
                pde.ifPresent(p -> p.plots(dir.file("plots")));
            }
        }

        @Override
        public void report(RunOutcome outcome, Path shown, double wall) {
            EscapeRun.report(out, s, rs, outcome, mfpt, expo, shown, wall);
        }
    }

    /** Steps actually taken: absorbed particles stop at their hit step. */
    static double particleSteps(List<EscapeEvent> events, Scenario s, long steps) {
        if (!s.absorbing()) {
            return (double) s.populationSize() * steps;
        }
        double total = 0;
        for (EscapeEvent e : events) {
            total += e.step();
        }
        return total + (double) (s.populationSize() - events.size()) * steps;
    }

    static Map<String, Object> summary(Scenario s, RunSetup rs, Steppers.Resolved backend, String device,
                                       RunOutcome outcome, Measure last, MfptEstimate m, KaplanMeier km,
                                       ExponentialityResult expo, double endTime) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", s.name());
        root.put("status", outcome.status().name().toLowerCase().replace('_', '-'));
        root.put("message", outcome.message());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("seed", s.seed());
        run.put("backend", backend.backend().key());
        run.put("device", device);
        run.put("particles", s.populationSize());
        run.put("dynamics", s.dynamics().type().key());
        run.put("beta", s.dynamics().beta());
        run.put("dt", s.dynamics().dt());
        run.put("steps", outcome.steps());
        run.put("time", endTime);
        root.put("run", run);
        Map<String, Object> esc = new LinkedHashMap<>();
        esc.put("targets", rs.observation().targetNames());
        esc.put("absorbing", s.absorbing());
        if (m != null) {
            esc.put("escaped", m.escaped());
            esc.put("censored", m.censored());
            esc.put("censor_time", endTime);
            esc.put("mfpt", finite(m.mfpt()));
            esc.put("mfpt_ci", java.util.Arrays.asList(finite(m.ciLow()), finite(m.ciHigh()))); // null = open-ended
            esc.put("mfpt_se", finite(m.standardError()));
            esc.put("confidence", m.confidence());
            esc.put("method", m.method());
            esc.put("rate", finite(m.rate()));
            esc.put("rate_ci", java.util.Arrays.asList(finite(m.rateCiLow()), finite(m.rateCiHigh())));
            esc.put("survival_at_end", km.at(endTime));
            if (m.lowerBoundOnly()) {
                esc.put("mfpt_lower_bound", m.ciLow());
            }
        } else {
            esc.put("escaped", 0);
            esc.put("censored", s.populationSize());
            esc.put("mfpt", null);
            esc.put("mfpt_ci", null);
        }
        esc.put("exact_mfpt", rs.theory().flatMap(TransitionEstimate::exactMfpt).orElse(null));
        esc.put("euler_maruyama_mfpt", rs.theory().flatMap(TransitionEstimate::eulerMaruyamaMfpt).orElse(null));
        esc.put("eyring_kramers", rs.theory().map(TransitionEstimate::eyringKramersMfpt).orElse(null));
        if (s.dynamics().type() == org.ensemble.dynamics.LangevinType.UNDERDAMPED) {
            esc.put("eyring_kramers_prefactor", "kramers-langer, friction " + s.dynamics().friction());
        }
        if (expo != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("ks_distance", finite(expo.statistic()));
            e.put("stephens_statistic", finite(expo.modified()));
            e.put("bootstrap_p_value", finite(expo.pValue()));
            e.put("replicates", expo.replicates());
            e.put("level", expo.level());
            e.put("rejected", expo.rejected());
            esc.put("exponential_test", e);
        }
        root.put("escape", esc);
        Map<String, Object> theory = new LinkedHashMap<>();
        theory.put("note", rs.theoryNote());
        rs.theory().ifPresent(t -> {
            theory.put("start_minimum", point(t.start()));
            theory.put("end_minimum", point(t.end()));
            List<Object> saddles = new ArrayList<>();
            for (StationaryPoint p : t.saddles()) {
                saddles.add(point(p));
            }
            theory.put("saddles", saddles);
            theory.put("critical_saddle", point(t.criticalSaddle()));
            theory.put("barrier", t.barrier());
        });
        root.put("theory", theory);
        Map<String, Object> measure = new LinkedHashMap<>();
        measure.put("time", last.time());
        measure.put("measured", last.measured());
        measure.put("mean", finiteList(last.mean()));
        measure.put("covariance", finiteList(last.covariance()));
        if (last.occupancy() != null) {
            Map<String, Object> occ = new LinkedHashMap<>();
            for (int k = 0; k < last.occupancy().length; k++) {
                occ.put(rs.observation().minimumNames().get(k), last.occupancy()[k]);
            }
            measure.put("occupancy", occ);
        }
        root.put("final_measure", measure);
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("ensemble", org.ensemble.output.EnsembleVersion.get());
        root.put("versions", versions);
        return root;
    }

    private static Map<String, Object> point(StationaryPoint p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", finiteList(p.x()));
        m.put("energy", p.energy());
        m.put("hessian_eigenvalues", finiteList(p.eigenvalues()));
        return m;
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    private static List<Double> finiteList(double[] a) {
        List<Double> l = new ArrayList<>();
        for (double x : a) {
            l.add(finite(x));
        }
        return l;
    }

    public static void json(Path file, Object value) {
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void plots(Path dir, Scenario s, ObservationSpec obs, MeasureRecorder rec, KaplanMeier km,
                              MfptEstimate m) {
        if (km != null && km.times().length > 0) {
            ChartFiles.save(SurvivalPlot.create("Survival of " + s.name() + " (escape to "
                    + String.join(", ", obs.targetNames()) + ")", km.times(), km.survival(), km.lower(), km.upper(),
                    m.mfpt()), dir, "survival");
        }
        long[][] h = rec.histograms();
        if (h.length > 0) {
            double[] edges = new double[obs.bins() + 1];
            for (int b = 0; b <= obs.bins(); b++) {
                edges[b] = obs.low()[0] + (obs.high()[0] - obs.low()[0]) * b / obs.bins();
            }
            // Normalised per particle still measured at each time: with targets that is the density
            // of the particles not yet escaped, which would otherwise fade as they leave.
            boolean targets = !obs.targetNames().isEmpty();
            ChartFiles.save(HeatMaps.overTime(targets ? "Density of the particles not yet escaped, over time"
                    : "Density of the particles over time", "position x" + (obs.dimension() > 1 ? " (axis 0)" : ""),
                    "density per particle measured", rec.histogramTimes(), edges, h, 0), dir, "histogram-over-time");
        }
        Measure last = rec.snapshot();
        if (obs.dimension() >= 2 && last.joint() != null) {
            int jb = obs.jointBins();
            double[] xe = new double[jb + 1];
            double[] ye = new double[jb + 1];
            for (int b = 0; b <= jb; b++) {
                xe[b] = obs.low()[0] + (obs.high()[0] - obs.low()[0]) * b / jb;
                ye[b] = obs.low()[1] + (obs.high()[1] - obs.low()[1]) * b / jb;
            }
            boolean targets = !obs.targetNames().isEmpty();
            org.ensemble.plot.DensityMap map = (org.ensemble.plot.DensityMap) HeatMaps.joint(targets ? String.format("Particles not yet escaped at t = %.4g (%d of %d)",
                    last.time(), last.measured(), last.total()) : String.format("Particles at t = %.4g", last.time()),
                    xe, ye, last.joint());
            if (obs.dimension() == 2) {
                // The potential's contours on a finer grid than the histogram's, minima and saddles marked.
                int n = 4 * jb;
                double[] cx = new double[n];
                double[] cy = new double[n];
                double[][] v = new double[n][n];
                for (int i = 0; i < n; i++) {
                    cx[i] = xe[0] + (xe[jb] - xe[0]) * (i + 0.5) / n;
                    cy[i] = ye[0] + (ye[jb] - ye[0]) * (i + 0.5) / n;
                }
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        v[i][j] = s.potential().potential().energy(new double[] {cx[i], cy[j]});
                    }
                }
                map.potential("V", cx, cy, v, 12);
            }
            ChartFiles.save(map, dir, "histogram-2d");
        }
    }

    private static void report(PrintStream out, Scenario s, RunSetup rs, RunOutcome outcome, MfptEstimate m,
                               ExponentialityResult expo, Path dir, double wall) {
        out.printf("%s: %s after t = %.6g (%d steps, %.1f s)%n", s.name(), outcome.status().name().toLowerCase(),
                outcome.steps() * s.dynamics().dt(), outcome.steps(), wall);
        if (!outcome.ok()) {
            out.println("  " + outcome.message());
        }
        if (m != null) {
            if (m.escaped() > 0) {
                out.printf("  MFPT = %.6g ± %.3g (%.0f%% CI [%.6g, %.6g]); %d escaped, %d censored; rate k = %.6g%n",
                        m.mfpt(), m.ciHigh() - m.mfpt(), 100 * m.confidence(), m.ciLow(), m.ciHigh(), m.escaped(),
                        m.censored(), m.rate());
            } else {
                out.printf("  0 escaped, %d censored: MFPT > %.6g (lower bound, %.0f%% confidence, run to T = %.6g)%n",
                        m.censored(), m.ciLow(), 100 * m.confidence(), outcome.steps() * s.dynamics().dt());
            }
        }
        rs.theory().ifPresent(t -> {
            // Without escapes (or targets) there is no simulated MFPT to compare with.
            boolean compare = m != null && m.escaped() > 0;
            t.exactMfpt().filter(e -> compare).ifPresent(e -> out.printf("  exact MFPT (quadrature) = %.6g; simulation − exact = %+.3g"
                    + " (%+.2f SE)%n", e, m.mfpt() - e, (m.mfpt() - e) / m.standardError()));
            t.eulerMaruyamaMfpt().filter(e -> compare).ifPresent(e -> out.printf("  exact MFPT of the Euler–Maruyama chain at dt = %s ="
                    + " %.6g; simulation − chain = %+.3g (%+.2f SE)%n", s.dynamics().dt(), e, m.mfpt() - e,
                    (m.mfpt() - e) / m.standardError()));
            out.printf("  %s = %.6g (barrier %.6g over the saddle at %s)%n", s.dynamics().type()
                    == org.ensemble.dynamics.LangevinType.UNDERDAMPED ? "Kramers–Langer (γ = " + s.dynamics().friction()
                    + ")" : "Eyring–Kramers", t.eyringKramersMfpt(), t.barrier(), java.util.Arrays.toString(round(t.criticalSaddle().x())));
        });
        if (expo != null && Double.isFinite(expo.statistic())) {
            out.printf("  exponential law: KS D = %.4f, bootstrap p = %.3f (%d replicates) → %s at %.0f%%%n",
                    expo.statistic(), expo.pValue(), expo.replicates(), expo.rejected() ? "rejected" : "not rejected",
                    100 * expo.level());
        }
        out.println("  outputs: " + dir);
    }

    private static double[] round(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = Math.round(x[i] * 1e4) / 1e4;
        }
        return r;
    }
}
