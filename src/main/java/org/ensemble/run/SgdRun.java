package org.ensemble.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.ensemble.checkpoint.Checkpoint;
import org.ensemble.checkpoint.CheckpointIdentity;
import org.ensemble.observe.TimeAverage;
import org.ensemble.output.CsvWriter;
import org.ensemble.output.RunDirectory;
import org.ensemble.plot.ChartFiles;
import org.ensemble.plot.LinePlot;
import org.ensemble.scenario.PopulationScenario;
import org.ensemble.scenario.SgdScenario;
import org.ensemble.sgd.Algorithm;
import org.ensemble.sgd.MomentumFit;
import org.ensemble.sgd.Policy;
import org.ensemble.sgd.QuadraticModel;
import org.ensemble.sgd.SgdPopulation;
import org.ensemble.sgd.SgdReport;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.Granularity;
import org.ensemble.step.Observer;
import org.ensemble.step.Observers;
import org.ensemble.step.ResumePoint;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;

/**
 * Runs one SGD-workers scenario end to end on the run pipeline: {@code iterates.csv} (loss, window
 * mean |x − x*|² and the first coordinates, over server versions and simulated time),
 * {@code staleness.csv} (the observed staleness distribution per worker), {@code summary.json}
 * (with the stationary mean squared error against its closed form where one applies),
 * {@code run.json} (timings) and plots.
 */
public final class SgdRun {
    private SgdRun() {
    }

    /** What a finished run produced. */
    public record Result(Path directory, StepOutcome outcome, Map<String, Object> summary) {
    }

    public static Result execute(SgdScenario s, Path out, boolean quiet, boolean plots, PrintStream console,
                                 BooleanSupplier stop, Checkpoint resume) {
        return execute(s, out, quiet, plots, console, stop, resume, r -> {
        });
    }

    /** As above, with {@code extra} shown every report too (live metrics); a resume replays the logged reports to it. */
    public static Result execute(SgdScenario s, Path out, boolean quiet, boolean plots, PrintStream console,
                                 BooleanSupplier stop, Checkpoint resume, Observer<SgdReport> extra) {
        Kind kind = new Kind(s, quiet, plots, console, stop, extra);
        RunPipeline.Done<StepOutcome> done = RunPipeline.execute(kind, out, resume, null, console);
        return new Result(done.directory(), done.outcome(), kind.summary);
    }

    /** The stationary E|x − x*|² the closed form gives, or null where none applies (async, momentum, DC). */
    static Double theory(SgdScenario s) {
        var st = s.settings();
        if (s.modelKind().equals("quadratic") && st.algorithm() == Algorithm.EASGD) {
            double v = 0; // the center's, coordinate by coordinate (EasgdStationaryVariance)
            for (int c = 0; c < s.curvature().length; c++) {
                v += org.ensemble.sgd.EasgdStationaryVariance.ofCenter(s.curvature()[c], s.noiseSd()[c], st.batch(),
                        st.lr(), st.workers(), st.elasticity(), st.localSteps());
            }
            return Double.isFinite(v) ? v : null;
        }
        boolean synchronous = st.policy() == Policy.BSP || st.workers() == 1;
        // Local SGD on a quadratic with additive noise: H local steps then the mean of M workers give
        // V = a^{2H}V + η²σ²(1 − a^{2H})/(Mb(1 − a²)), a = 1 − ηλ, the same Var∞ as mini-batch M·b.
        if (!s.modelKind().equals("quadratic") || !synchronous || st.momentum() != 0
                || (st.algorithm() != Algorithm.SGD && st.algorithm() != Algorithm.LOCAL_SGD)) {
            return null;
        }
        double v = ((QuadraticModel) s.model()).stationarySquaredError(st.lr(), st.samplesPerUpdate());
        return Double.isFinite(v) ? v : null;
    }

    private static final class Kind implements RunPipeline.KindRun<SgdReport, SgdReport, StepOutcome> {
        private final SgdScenario s;
        private final boolean quiet;
        private final boolean plots;
        private final PrintStream console;
        private final BooleanSupplier stop;
        private final List<SgdReport> reports = new ArrayList<>();
        private final TreeMap<Long, Long> staleness = new TreeMap<>();
        private Map<String, Object> summary;
        private Observer<SgdReport> observers;
        private final Observer<SgdReport> extra;

        Kind(SgdScenario s, boolean quiet, boolean plots, PrintStream console, BooleanSupplier stop,
             Observer<SgdReport> extra) {
            this.extra = extra;
            this.s = s;
            this.quiet = quiet;
            this.plots = plots;
            this.console = console;
            this.stop = stop;
        }

        @Override
        public CheckpointIdentity identity() {
            return CheckpointIdentity.of("sgd-workers", s.name(), s.resolved(), "java", s.settings().workers());
        }

        @Override
        public PopulationScenario scenario() {
            return s;
        }

        /** A "step" is one server version. */
        @Override
        public double stepTime() {
            return 1;
        }

        @Override
        public Class<SgdReport> observedType() {
            return SgdReport.class;
        }

        @Override
        public RunPipeline.Opened<SgdReport> open(RunDirectory dir) {
            int k = Math.min(s.dimension(), SgdReport.COORDINATES);
            List<String> header = new ArrayList<>(List.of("version", "time", "loss", "window_squared_error"));
            for (int c = 0; c < k; c++) {
                header.add("x_" + c);
            }
            CsvWriter csv = new CsvWriter(dir.file("iterates.csv"), header);
            SgdProgress progress = new SgdProgress(s.settings().versions(), quiet);
            Observer<SgdReport> recorder = r -> {
                reports.add(r);
                Object[] cells = new Object[4 + r.x().length];
                cells[0] = r.version();
                cells[1] = r.time();
                cells[2] = r.loss();
                cells[3] = r.windowSquaredError();
                for (int c = 0; c < r.x().length; c++) {
                    cells[4 + c] = r.x()[c];
                }
                csv.row(cells);
                csv.flush();
                for (int i = 0; i < r.staleness().length; i += 3) {
                    staleness.merge((r.staleness()[i] << 32) | r.staleness()[i + 1], r.staleness()[i + 2], Long::sum);
                }
            };
            observers = Observers.of(recorder, progress, extra);
            return new RunPipeline.Opened<>(observers, () -> {
                try (csv) {
                    progress.close();
                }
            });
        }

        @Override
        public SgdReport logged(SgdReport r) {
            return r;
        }

        @Override
        public void replay(SgdReport r) {
            observers.observe(r);
        }

        @Override
        public StepOutcome run(Observer<SgdReport> observer, CheckpointSink checkpoints, ResumePoint resume) {
            if (s.wallTiming()) {
                // Real threads and the machine's clock: not the step protocol's reproducible interleaving.
                return org.ensemble.sgd.WallClockSgd.run(s.settings(), s::model, observer::observe, stop);
            }
            return SgdPopulation.run(s, observer, stop, checkpoints, resume);
        }

        @Override
        public boolean resumable(StepOutcome o) {
            return o.status() == StepStatus.INTERRUPTED || o.status() == StepStatus.FAILED;
        }

        @Override
        public void results(RunDirectory dir, StepOutcome o, double wall) {
            if (reports.isEmpty()) {
                throw new RunFailedException("run " + s.name() + " failed before its first report: " + o.message());
            }
            try (CsvWriter st = new CsvWriter(dir.file("staleness.csv"), List.of("worker", "staleness", "count"))) {
                staleness.forEach((key, n) -> st.row(key >>> 32, key & 0xFFFFFFFFL, n));
            }
            summary = summary(o);
            EscapeRun.json(dir.file("summary.json"), summary);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("shards", s.shards());
            info.put("granularity", s.granularity() == Granularity.MEMBER ? "worker" : "block");
            info.put("wall_seconds", wall);
            info.put("engine_seconds", o.seconds());
            info.put("versions_per_second", o.steps() / o.seconds());
            info.put("gradient_evaluations_per_second", gradients() * s.settings().batch() / o.seconds());
            info.put("java", System.getProperty("java.version"));
            info.put("processors", Runtime.getRuntime().availableProcessors());
            EscapeRun.json(dir.file("run.json"), info);
            if (plots) {
                plots(dir.file("plots"));
            }
        }

        private long gradients() {
            long n = 0;
            for (long c : staleness.values()) {
                n += c;
            }
            return n;
        }

        private Map<String, Object> summary(StepOutcome o) {
            var st = s.settings();
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("scenario", s.name());
            root.put("status", o.status().name().toLowerCase());
            root.put("message", o.message());
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("seed", s.seed());
            run.put("model", s.model().describe());
            run.put("workers", st.workers());
            run.put("policy", st.policy().key());
            if (st.policy() == Policy.SSP) {
                run.put("staleness_bound", st.bound());
            }
            run.put("batch", st.batch());
            run.put("delay", s.wallTiming() ? "wall clock (observed, not reproducible)" : st.delays().describe());
            run.put("timing", s.wallTiming() ? "wall" : "simulated");
            run.put("algorithm", st.algorithm().key());
            if (st.algorithm() == Algorithm.LOCAL_SGD || st.algorithm() == Algorithm.EASGD) {
                run.put("local_steps", st.localSteps());
            }
            if (st.algorithm() == Algorithm.EASGD) {
                run.put("elasticity", st.elasticity());
                run.put("note", "x is the center variable x̃");
            }
            run.put("lr", st.lr());
            run.put("momentum", st.momentum());
            run.put("versions", o.steps());
            run.put("simulated_time", reports.get(reports.size() - 1).time());
            root.put("run", run);
            Map<String, Object> loss = new LinkedHashMap<>();
            loss.put("first_report", finite(reports.get(0).loss()));
            loss.put("final", finite(reports.get(reports.size() - 1).loss()));
            root.put("loss", loss);
            List<Double> window = new ArrayList<>();
            for (SgdReport r : reports) {
                if (r.version() - r.windowVersions() >= s.burnIn() && Double.isFinite(r.windowSquaredError())) {
                    window.add(r.windowSquaredError());
                }
            }
            if (window.size() >= 10) {
                TimeAverage avg = TimeAverage.of(window);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("from_version", s.burnIn());
                m.put("mean_squared_error", avg.mean());
                m.put("standard_error", avg.standardError());
                m.put("autocorrelation_time_reports", avg.tau());
                m.put("reports", avg.points());
                Double exact = theory(s);
                m.put("exact", exact);
                m.put("z", exact == null ? null : (avg.mean() - exact) / avg.standardError());
                m.put("note", "E|x − x*|² over versions after burn-in: time average of per-report window means, SE"
                        + " from their integrated autocorrelation; exact = Σ η σ²/(M·b) / (λ(2 − ηλ)) (BSP or local"
                        + " SGD, no momentum); for EASGD the center's, from the Lyapunov equation of its recursion"
                        + " with the workers' mean (EasgdStationaryVariance)");
                root.put("stationary", m);
            }
            Map<String, Object> fit = momentum();
            if (fit != null) {
                root.put("effective_momentum", fit);
            }
            Map<Long, long[]> perWorker = new TreeMap<>(); // pushes, sum of staleness, max
            long total = 0;
            long sum = 0;
            long max = 0;
            for (Map.Entry<Long, Long> e : staleness.entrySet()) {
                long w = e.getKey() >>> 32;
                long a = e.getKey() & 0xFFFFFFFFL;
                long[] p = perWorker.computeIfAbsent(w, k -> new long[3]);
                p[0] += e.getValue();
                p[1] += a * e.getValue();
                p[2] = Math.max(p[2], a);
                total += e.getValue();
                sum += a * e.getValue();
                max = Math.max(max, a);
            }
            Map<String, Object> stale = new LinkedHashMap<>();
            stale.put("mean", total > 0 ? (double) sum / total : null);
            stale.put("max", max);
            List<Map<String, Object>> workers = new ArrayList<>();
            perWorker.forEach((w, p) -> {
                Map<String, Object> one = new LinkedHashMap<>(); // not Map.of: its order changes from JVM to JVM
                one.put("worker", w);
                one.put("gradients", p[0]);
                one.put("mean_staleness", (double) p[1] / p[0]);
                one.put("max_staleness", p[2]);
                workers.add(one);
            });
            stale.put("per_worker", workers);
            root.put("staleness", stale);
            return root;
        }

        /**
         * The effective-momentum fit over the reports after burn-in ({@link MomentumFit}), with SEs
         * from 20 contiguous batches of reports fitted alone; null without an exact gradient.
         */
        private Map<String, Object> momentum() {
            List<double[]> sums = new ArrayList<>();
            for (SgdReport r : reports) {
                if (r.version() - r.windowVersions() >= s.burnIn() && r.momentumFit().length == 5) {
                    sums.add(r.momentumFit());
                }
            }
            int batches = 20;
            if (sums.size() < batches) {
                return null;
            }
            double[] all = new double[5];
            double[][] per = new double[batches][5];
            for (int i = 0; i < sums.size(); i++) {
                for (int k = 0; k < 5; k++) {
                    all[k] += sums.get(i)[k];
                    per[(int) ((long) i * batches / sums.size())][k] += sums.get(i)[k];
                }
            }
            double[] fit = MomentumFit.solve(all);
            double[] se = new double[2];
            for (int j = 0; j < 2; j++) {
                double m = 0;
                double q = 0;
                for (double[] b : per) {
                    m += MomentumFit.solve(b)[j] / batches;
                }
                for (double[] b : per) {
                    double e = MomentumFit.solve(b)[j] - m;
                    q += e * e;
                }
                se[j] = Math.sqrt(q / (batches - 1) / batches);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mu", finite(fit[1]));
            m.put("mu_se", finite(se[1]));
            m.put("step_over_lr", finite(fit[0] / s.settings().lr()));
            m.put("step_over_lr_se", finite(se[0] / s.settings().lr()));
            m.put("server_momentum", s.settings().momentum());
            m.put("note", "least squares x_{t+1} − x_t = −α ∇f(x_t) + μ (x_t − x_{t−1}) over versions after burn-in"
                    + " and coordinates, on this one trajectory; SE from 20 batches of reports");
            return m;
        }

        private static String se(Object x) {
            return x instanceof Double d ? String.format("%.2g", d) : "?";
        }

        private static Double finite(double x) {
            return Double.isFinite(x) ? x : null;
        }

        private void plots(Path dir) {
            double[] v = new double[reports.size()];
            double[] t = new double[reports.size()];
            double[] loss = new double[reports.size()];
            double[] sq = new double[reports.size()];
            for (int i = 0; i < v.length; i++) {
                SgdReport r = reports.get(i);
                v[i] = r.version();
                t[i] = r.time();
                loss[i] = r.loss();
                sq[i] = r.windowSquaredError();
            }
            boolean known = Double.isFinite(sq[0]);
            Map<String, double[]> series = new LinkedHashMap<>();
            series.put(known ? "loss f(x) at the report" : "held-out loss at the report", loss);
            if (known) {
                series.put("|x − x*|², mean over the report's window", sq);
                Double exact = theory(s);
                if (exact != null) {
                    double[] line = new double[v.length];
                    java.util.Arrays.fill(line, exact);
                    series.put("exact stationary E|x − x*|²", line);
                }
            }
            String what = s.settings().workers() + " workers, " + s.settings().policy().key() + ", η = "
                    + s.settings().lr();
            boolean positive = java.util.Arrays.stream(loss).allMatch(x -> x > 0);
            ChartFiles.save(fromZero(LinePlot.create("Loss over server versions: " + s.name() + " (" + what + ")",
                    "server version", "loss / squared error", v, series, false, positive, false)), dir,
                    "loss-over-versions");
            ChartFiles.save(fromZero(LinePlot.create("Loss over simulated time: " + s.name(),
                    "simulated time (compute units)", "loss / squared error", t, series, false, positive, false)), dir,
                    "loss-over-time");
            long maxStale = 0;
            for (long key : staleness.keySet()) {
                maxStale = Math.max(maxStale, key & 0xFFFFFFFFL);
            }
            int m = s.settings().workers();
            double[] a = new double[(int) maxStale + 1];
            for (int i = 0; i < a.length; i++) {
                a[i] = i;
            }
            Map<String, double[]> hist = new LinkedHashMap<>();
            double[] all = new double[a.length];
            staleness.forEach((key, n) -> all[(int) (key & 0xFFFFFFFFL)] += n);
            hist.put("all workers", normalise(all));
            if (m <= 8) {
                for (int w = 0; w < m; w++) {
                    double[] h = new double[a.length];
                    for (Map.Entry<Long, Long> e : staleness.subMap((long) w << 32, ((long) w + 1) << 32).entrySet()) {
                        h[(int) (e.getKey() & 0xFFFFFFFFL)] += e.getValue();
                    }
                    hist.put("worker " + w, normalise(h));
                }
            }
            if (a.length > 1) {
                // A long tail (wall-clock workers: most pushes fresh, a few hundreds of versions late) is
                // invisible on a linear axis: fractions on a log axis, with staleness values never seen left out.
                boolean tail = maxStale >= 30;
                if (tail) {
                    for (double[] h : hist.values()) {
                        for (int i = 0; i < h.length; i++) {
                            h[i] = h[i] > 0 ? h[i] : Double.NaN;
                        }
                    }
                }
                ChartFiles.save(LinePlot.create("Observed staleness (versions between pull and push): " + s.name(),
                        "staleness (server versions)", tail ? "fraction of pushes (log scale)" : "fraction of pushes", a,
                        hist, false, tail, true), dir, "staleness");
            }
        }

        /** Version and time axes start at 0 with plain grouped integers (ticks like 50,000, not 1.55E4). */
        private static org.knowm.xchart.XYChart fromZero(org.knowm.xchart.XYChart c) {
            c.getStyler().setXAxisMin(0.0);
            c.getStyler().setXAxisDecimalPattern("#,##0");
            return c;
        }

        private static double[] normalise(double[] h) {
            double sum = 0;
            for (double x : h) {
                sum += x;
            }
            double[] out = new double[h.length];
            for (int i = 0; i < h.length; i++) {
                out[i] = sum > 0 ? h[i] / sum : 0;
            }
            return out;
        }

        @Override
        public void report(StepOutcome o, Path shown, double wall) {
            console.printf("%s: %s after %d server versions (%d workers, %s, %.1f s)%n", s.name(),
                    o.status().name().toLowerCase(), o.steps(), s.settings().workers(), s.settings().policy().key(),
                    wall);
            if (o.status() != StepStatus.COMPLETED) {
                console.println("  " + o.message());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> loss = (Map<String, Object>) summary.get("loss");
            console.printf("  loss %s → %s%n", loss.get("first_report"), loss.get("final"));
            if (summary.get("stationary") instanceof Map<?, ?> m) {
                console.printf("  stationary E|x − x*|² = %.5g ± %.2g (SE)%s%n", (Double) m.get("mean_squared_error"),
                        (Double) m.get("standard_error"), m.get("exact") == null ? "" : String.format(
                                "; exact %.5g (z = %.2f)", (Double) m.get("exact"), (Double) m.get("z")));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> st = (Map<String, Object>) summary.get("staleness");
            console.printf("  staleness mean %s, max %s%n", st.get("mean"), st.get("max"));
            if (summary.get("effective_momentum") instanceof Map<?, ?> m && m.get("mu") != null) {
                console.printf("  effective momentum μ = %.4f ± %s, step α/η = %.4f ± %s%n", (Double) m.get("mu"),
                        se(m.get("mu_se")), (Double) m.get("step_over_lr"), se(m.get("step_over_lr_se")));
            }
            console.println("  outputs: " + shown);
        }
    }
}
