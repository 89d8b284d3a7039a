package org.ensemble.run;

import org.ensemble.checkpoint.Checkpoint;
import org.ensemble.checkpoint.CheckpointIdentity;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.ResumePoint;
import org.ensemble.step.Granularity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.training.NeuronPopulation;
import org.ensemble.data.IsotropicGaussians;
import org.ensemble.meanfield.RadialOdeBeside;
import org.ensemble.network.DenseOps;
import org.ensemble.network.NetworkSpec;
import org.ensemble.observe.RadialEntropy;
import org.ensemble.output.CsvWriter;
import org.ensemble.output.RunDirectory;
import org.ensemble.plot.ChartFiles;
import org.ensemble.plot.HeatMaps;
import org.ensemble.plot.LinePlot;
import org.ensemble.scenario.TrainingScenario;
import org.ensemble.step.Observer;
import org.ensemble.step.Observers;
import org.ensemble.training.TrainingMeasure;
import org.ensemble.training.TrainingOutcome;
import org.ensemble.training.TrainingReport;
import org.ensemble.training.TrainingSpec;

/**
 * Runs one training scenario end to end: the network trained by the actors, the reports turned into
 * {@code risk.csv} (train and held-out risk, and beside the exact reduced ODE where it applies: the
 * ODE's risk, the particles' radial risk and W2 between radius laws; the free energy for noisy
 * SGD on isotropic data), {@code radius-histogram.csv}, {@code neurons.csv} (final |w|, a, b),
 * {@code summary.json}, {@code run.json} and plots. {@code summary.json} depends only on scenario and
 * seed; timings go to {@code run.json}.
 */
public final class TrainingRun {
    /** The reduced ODE is compared from t = 1 on (the issue's window): before, the finite-ε transient. */
    static final double GAP_FROM_TIME = 1.0;

    private TrainingRun() {
    }

    /** What a finished run produced (for studies). */
    public record Result(Path directory, TrainingOutcome outcome, double finalTestRisk, double finalTrainRisk,
                         Map<String, Object> summary) {
    }

    public static Result execute(TrainingScenario s, Path outDir, boolean quiet, boolean plots, Observer<TrainingMeasure> extra,
                                 PrintStream out, Path shownAs) {
        return execute(s, outDir, quiet, plots, extra, out, shownAs, () -> false);
    }

    /** As above; {@code stop} ends the run at the next step barrier as interrupted, keeping its reports. */
    public static Result execute(TrainingScenario s, Path outDir, boolean quiet, boolean plots, Observer<TrainingMeasure> extra,
                                 PrintStream out, Path shownAs, java.util.function.BooleanSupplier stop) {
        return execute(s, outDir, quiet, plots, extra, out, shownAs, stop, null);
    }

    /** As above, continuing from {@code resume} (the checkpoint of {@code outDir}) unless it is null. */
    public static Result execute(TrainingScenario s, Path outDir, boolean quiet, boolean plots, Observer<TrainingMeasure> extra,
                                 PrintStream out, Path shownAs, java.util.function.BooleanSupplier stop,
                                 Checkpoint resume) {
        Preflight.memory(s);
        Training kind = new Training(s, quiet, plots, extra, out, stop);
        RunPipeline.Done<TrainingOutcome> done = RunPipeline.execute(kind, outDir, resume, shownAs, out);
        double[] lastRow = kind.rows.get(kind.rows.size() - 1);
        return new Result(done.directory(), done.outcome(), lastRow[3], lastRow[2], kind.summary);
    }

    /** Neurons' side of the run pipeline: risk table, radius histograms, the reduced ODE beside, free energy. */
    private static final class Training implements RunPipeline.KindRun<TrainingMeasure, TrainingReport,
            TrainingOutcome> {
        private final TrainingScenario s;
        private final boolean quiet;
        private final boolean plots;
        private final Observer<TrainingMeasure> extra;
        private final PrintStream out;
        private final java.util.function.BooleanSupplier stop;
        private final NetworkSpec net;
        private final TrainingSpec spec;
        private final RadialOdeBeside ode;
        private final boolean freeEnergy;
        private final List<String> header;
        private final int bins;
        private final double lo;
        private final double hi;
        private final double[] edges;
        final List<double[]> rows = new ArrayList<>();
        private final List<long[]> hist = new ArrayList<>();
        private TrainingReport last;
        Map<String, Object> summary;
        private Observer<TrainingMeasure> observers;

        Training(TrainingScenario s, boolean quiet, boolean plots, Observer<TrainingMeasure> extra, PrintStream out,
                 java.util.function.BooleanSupplier stop) {
            this.s = s;
            this.quiet = quiet;
            this.plots = plots;
            this.extra = extra;
            this.out = out;
            this.stop = stop;
            this.net = s.network();
            this.spec = TrainingSpec.of(s);
            List<Long> reportSteps = new ArrayList<>();
            for (long k = 0; k < s.steps(); k += s.reportEvery()) {
                reportSteps.add(k);
            }
            reportSteps.add(s.steps());
            double[] times = reportSteps.stream().mapToDouble(spec::time).toArray();
            RadialOdeBeside o = null;
            if (s.radialOde().isPresent()) {
                TrainingScenario.RadialOdeSpec r = s.radialOde().get();
                if (!quiet) {
                    System.err.printf("solving the reduced ODE (%d quantile nodes, %d s-nodes, dt = %s) to t = %.4g"
                            + " ...%n", r.nodes(), r.sNodes(), r.dt(), times[times.length - 1]);
                }
                IsotropicGaussians iso = (IsotropicGaussians) s.data();
                o = new RadialOdeBeside(net.inputDim(), iso.delta(), net.activation(), net.wScale(), r.nodes(),
                        r.sNodes(), r.dt(), times);
            }
            this.ode = o;
            boolean isotropic = s.data() instanceof IsotropicGaussians && !net.trainB() && net.bSd() == 0
                    && net.bInit() == 0;
            this.freeEnergy = s.rule().noisy() && isotropic;
            this.header = new ArrayList<>(List.of("step", "time", "running_train_loss", "test_risk", "mean_radius",
                    "sd_radius", "mean_a", "mean_b"));
            assert header.size() == BASE_COLUMNS;
            if (ode != null) {
                header.addAll(List.of("ode_risk", "radial_risk", "w2_radius", "ode_mean_radius"));
            }
            if (freeEnergy) {
                header.addAll(List.of("weight_energy", "neg_entropy", "free_energy"));
            }
            this.bins = s.histogramBins();
            this.lo = s.radiusRange()[0];
            this.hi = s.radiusRange()[1];
            this.edges = new double[bins + 1];
            for (int b = 0; b <= bins; b++) {
                edges[b] = lo + (hi - lo) * b / bins;
            }
        }

        @Override
        public CheckpointIdentity identity() {
            return CheckpointIdentity.of("neurons", s.name(), s.resolved(), "java", net.width());
        }

        @Override
        public org.ensemble.scenario.PopulationScenario scenario() {
            return s;
        }

        @Override
        public double stepTime() {
            return s.rule().lr();
        }

        @Override
        public Class<TrainingReport> observedType() {
            return TrainingReport.class;
        }

        @Override
        public RunPipeline.Opened<TrainingMeasure> open(RunDirectory dir) {
            CsvWriter risk = new CsvWriter(dir.file("risk.csv"), header);
            TrainingProgress progress = new TrainingProgress(s.name(), s.steps(), s.rule().lr(), quiet);
            Observer<TrainingMeasure> recorder = new Observer<>() {
                int k;

                @Override
                public void observe(TrainingMeasure m) {
                    if (!(m instanceof TrainingReport r)) {
                        return;
                    }
                    double[] row = row(r, ode, k++, freeEnergy, net, s);
                    rows.add(row);
                    Object[] cells = new Object[row.length];
                    cells[0] = r.step();
                    for (int c = 1; c < row.length; c++) {
                        cells[c] = row[c];
                    }
                    // The running loss averages the batches since the last report; at step 0 that is the
                    // first batch alone, not a training risk: left empty.
                    cells[2] = r.step() == 0 ? null : cells[2];
                    risk.row(cells);
                    risk.flush();
                    if (extra instanceof org.ensemble.metrics.TrainingMetricsListener meters) {
                        // The values computed beside the report (reduced ODE, W2 of radius laws, free energy),
                        // live for the training dashboard.
                        for (int c = BASE_COLUMNS; c < row.length; c++) {
                            meters.value(header.get(c), row[c]);
                        }
                    }
                    hist.add(histogram(r.radii(), lo, hi, bins));
                    last = r;
                }
            };
            observers = Observers.of(recorder, progress, extra);
            return new RunPipeline.Opened<>(observers, () -> {
                try (risk) {
                    progress.close();
                }
            });
        }

        @Override
        public void replay(TrainingReport r) {
            observers.observe(r);
        }

        /** The reports are what the outputs are made of; the running loss is progress only. */
        @Override
        public TrainingReport logged(TrainingMeasure m) {
            return m instanceof TrainingReport r ? r : null;
        }

        @Override
        public TrainingOutcome run(Observer<TrainingMeasure> observer, CheckpointSink checkpoints, ResumePoint resume) {
            return NeuronPopulation.run(spec, observer, stop, checkpoints, resume);
        }

        @Override
        public boolean resumable(TrainingOutcome outcome) {
            return outcome.status() == TrainingOutcome.Status.INTERRUPTED
                    || outcome.status() == TrainingOutcome.Status.FAILED;
        }

        @Override
        public void results(RunDirectory dir, TrainingOutcome outcome, double wall) {
            if (last == null) {
                throw new RunFailedException("run " + s.name() + " failed before its first report: "
                        + outcome.message());
            }
            try (CsvWriter h = new CsvWriter(dir.file("radius-histogram.csv"), histHeader(edges))) {
                for (int k = 0; k < hist.size(); k++) {
                    Object[] cells = new Object[bins + 1];
                    cells[0] = rows.get(k)[1];
                    for (int b = 0; b < bins; b++) {
                        cells[b + 1] = hist.get(k)[b] / (double) net.width() / (edges[1] - edges[0]);
                    }
                    h.row(cells);
                }
            }
            try (CsvWriter nw = new CsvWriter(dir.file("neurons.csv"), List.of("id", "radius", "a", "b"))) {
                for (int i = 0; i < last.radii().length; i++) {
                    nw.row(i, last.radii()[i], last.a()[i], last.b()[i]);
                }
            }
            summary = summary(s, outcome, rows, header, ode != null, freeEnergy);
            EscapeRun.json(dir.file("summary.json"), summary);
            Map<String, Object> runInfo = new LinkedHashMap<>();
            runInfo.put("shards", s.shards());
            runInfo.put("granularity", s.granularity() == Granularity.MEMBER ? "neuron" : "block");
            runInfo.put("block_size", s.blockSize());
            runInfo.put("dense_ops", DenseOps.best().name());
            runInfo.put("wall_seconds", wall);
            runInfo.put("training_seconds", outcome.seconds());
            runInfo.put("neuron_steps_per_second", net.width() * (double) outcome.steps() / outcome.seconds());
            runInfo.put("java", System.getProperty("java.version"));
            runInfo.put("processors", Runtime.getRuntime().availableProcessors());
            EscapeRun.json(dir.file("run.json"), runInfo);
            if (plots) {
                TrainingRun.plots(dir.file("plots"), s, rows, header, hist, edges, ode, last);
            }
        }

        @Override
        public void report(TrainingOutcome outcome, Path shown, double wall) {
            TrainingRun.report(out, s, outcome, summary, shown, wall);
        }
    }

    /** risk.csv's columns before those computed beside the report (ODE, W2, free energy). */
    private static final int BASE_COLUMNS = 8;

    private static double[] row(TrainingReport r, RadialOdeBeside ode, int k, boolean freeEnergy, NetworkSpec net,
                                TrainingScenario s) {
        List<Double> v = new ArrayList<>();
        v.add((double) r.step());
        v.add(r.time());
        v.add(r.step() == 0 ? Double.NaN : r.trainRisk());
        v.add(r.testRisk());
        double[] ms = meanSd(r.radii());
        v.add(ms[0]);
        v.add(ms[1]);
        v.add(meanSd(r.a())[0]);
        v.add(meanSd(r.b())[0]);
        if (ode != null) {
            for (double x : ode.compare(k, r.radii())) {
                v.add(x);
            }
        }
        if (freeEnergy) {
            // F = R + (λ/2) E|w|² + (1/β) ∫ρ log ρ, the functional noisy SGD decreases (R: held-out risk).
            double e2 = 0;
            for (double x : r.radii()) {
                e2 += x * x;
            }
            double weight = 0.5 * s.rule().lambda() * e2 / r.radii().length;
            double neg = RadialEntropy.negEntropy(r.radii(), net.inputDim());
            v.add(weight);
            v.add(neg);
            v.add(r.testRisk() + weight + neg / s.rule().beta());
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double[] meanSd(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double q = 0;
        for (double v : x) {
            q += (v - m) * (v - m);
        }
        return new double[] {m, x.length > 1 ? Math.sqrt(q / (x.length - 1)) : 0};
    }

    static long[] histogram(double[] x, double lo, double hi, int bins) {
        long[] h = new long[bins];
        for (double v : x) {
            int b = (int) Math.floor((v - lo) / (hi - lo) * bins);
            if (b >= 0 && b < bins) {
                h[b]++;
            }
        }
        return h;
    }

    private static List<String> histHeader(double[] edges) {
        List<String> h = new ArrayList<>();
        h.add("time");
        for (int b = 0; b + 1 < edges.length; b++) {
            h.add(String.format("r_%.4g_%.4g", edges[b], edges[b + 1]));
        }
        return h;
    }

    private static int col(List<String> header, String name) {
        return header.indexOf(name);
    }

    private static Map<String, Object> summary(TrainingScenario s, TrainingOutcome outcome, List<double[]> rows,
                                               List<String> header, boolean ode, boolean freeEnergy) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", s.name());
        root.put("status", outcome.status().name().toLowerCase());
        root.put("message", outcome.message());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("seed", s.seed());
        run.put("width", s.network().width());
        run.put("dimension", s.network().inputDim());
        run.put("activation", s.network().activation().describe());
        run.put("data", s.data().describe());
        run.put("lr", s.rule().lr());
        run.put("batch", s.rule().batch());
        run.put("steps", outcome.steps());
        run.put("time", s.time(outcome.steps()));
        run.put("noisy", s.rule().noisy());
        root.put("run", run);
        double[] lastRow = rows.get(rows.size() - 1);
        Map<String, Object> risk = new LinkedHashMap<>();
        risk.put("initial_test", finite(rows.get(0)[3]));
        risk.put("final_test", finite(lastRow[3]));
        risk.put("final_train", finite(lastRow[2]));
        risk.put("test_samples", s.testSamples());
        root.put("risk", risk);
        if (ode) {
            int ct = col(header, "test_risk");
            int co = col(header, "ode_risk");
            int cr = col(header, "radial_risk");
            int cw = col(header, "w2_radius");
            double gapTest = 0;
            double gapRadial = 0;
            double maxW2 = 0;
            List<List<Double>> w2 = new ArrayList<>();
            for (double[] r : rows) {
                if (r[1] >= GAP_FROM_TIME - 1e-12) {
                    if (Double.isFinite(r[ct])) {
                        gapTest = Math.max(gapTest, Math.abs(r[ct] - r[co]));
                    }
                    gapRadial = Math.max(gapRadial, Math.abs(r[cr] - r[co]));
                    maxW2 = Math.max(maxW2, r[cw]);
                }
                w2.add(List.of(r[1], r[cw]));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("compared_from_time", GAP_FROM_TIME);
            m.put("max_gap_test_risk", gapTest);
            m.put("max_gap_radial_risk", gapRadial);
            m.put("max_w2_radius", maxW2);
            m.put("final_ode_risk", lastRow[co]);
            m.put("final_w2_radius", lastRow[cw]);
            m.put("w2_radius_over_time", w2);
            TrainingScenario.RadialOdeSpec spec = s.radialOde().get();
            m.put("ode_nodes", spec.nodes());
            m.put("ode_s_nodes", spec.sNodes());
            m.put("ode_dt", spec.dt());
            root.put("reduced_ode", m);
        }
        if (freeEnergy) {
            int cf = col(header, "free_energy");
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("initial", rows.get(0)[cf]);
            f.put("final", lastRow[cf]);
            int increases = 0;
            double worst = 0;
            for (int k = 1; k < rows.size(); k++) {
                double dF = rows.get(k)[cf] - rows.get(k - 1)[cf];
                if (dF > 0) {
                    increases++;
                    worst = Math.max(worst, dF);
                }
            }
            f.put("report_to_report_increases", increases);
            f.put("largest_increase", worst);
            f.put("note", "F = R + (lambda/2) E|w|^2 + (1/beta) int rho log rho, the entropy estimated from the radii"
                    + " (isotropic law; m-spacing estimator) and R the held-out risk, so F carries sampling noise");
            root.put("free_energy", f);
        }
        return root;
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    private static void plots(Path dir, TrainingScenario s, List<double[]> rows, List<String> header,
                              List<long[]> hist, double[] edges, RadialOdeBeside ode, TrainingReport last) {
        double[] t = column(rows, 1);
        Map<String, double[]> risks = new LinkedHashMap<>();
        risks.put("held-out risk (particles)", column(rows, col(header, "test_risk")));
        risks.put("running training loss (batches since the last report)", column(rows, col(header,
                "running_train_loss")));
        if (ode != null) {
            risks.put("reduced ODE (N = ∞)", column(rows, col(header, "ode_risk")));
            risks.put("radial risk of the particles' radii", column(rows, col(header, "radial_risk")));
        }
        if (s.testSamples() == 0) {
            risks.remove("held-out risk (particles)");
        }
        ChartFiles.save(LinePlot.create("Risk over mean-field time t = steps·ε: " + s.name(), "t", "risk", t, risks,
                false, true, false), dir, "risk");
        long[][] h = hist.toArray(long[][]::new);
        ChartFiles.save(HeatMaps.overTime("Radius |w| of the neurons over time", "radius |w|", "density per neuron", t,
                edges, h, s.network().width()), dir, "radius-histogram-over-time");
        if (ode != null) {
            Map<String, double[]> w2 = new LinkedHashMap<>();
            w2.put("W2(particle radii, ODE radius law)", column(rows, col(header, "w2_radius")));
            ChartFiles.save(LinePlot.create("W2 between the radius laws of the particles and of the reduced ODE", "t",
                    "W2", t, w2, false, true, false), dir, "w2-radius-over-time");
            double[] centers = new double[edges.length - 1];
            for (int b = 0; b < centers.length; b++) {
                centers[b] = 0.5 * (edges[b] + edges[b + 1]);
            }
            double width = edges[1] - edges[0];
            long[] pl = hist.get(hist.size() - 1);
            long[] ol = histogram(ode.odeRadii(rows.size() - 1), edges[0], edges[edges.length - 1], centers.length);
            double[] pd = new double[centers.length];
            double[] od = new double[centers.length];
            int m = ode.odeRadii(rows.size() - 1).length;
            for (int b = 0; b < centers.length; b++) {
                pd[b] = pl[b] / (double) s.network().width() / width;
                od[b] = ol[b] / (double) m / width;
            }
            Map<String, double[]> dens = new LinkedHashMap<>();
            dens.put("particles", pd);
            dens.put("reduced ODE", od);
            ChartFiles.save(LinePlot.create(String.format("Radius density at t = %.4g", last.time()), "radius |w|",
                    "density per neuron", centers, dens, false, false, true), dir, "radius-density-final");
        }
        int cf = col(header, "free_energy");
        if (cf >= 0) {
            Map<String, double[]> f = new LinkedHashMap<>();
            f.put("free energy F", column(rows, cf));
            f.put("held-out risk R", column(rows, col(header, "test_risk")));
            ChartFiles.save(LinePlot.create("Noisy SGD: free energy R + (λ/2)E|w|² + (1/β)∫ρ log ρ", "t", "value", t,
                    f, false, false, false), dir, "free-energy");
        }
    }

    private static double[] column(List<double[]> rows, int c) {
        double[] v = new double[rows.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = rows.get(k)[c];
        }
        return v;
    }

    private static void report(PrintStream out, TrainingScenario s, TrainingOutcome outcome, Map<String, Object> sum,
                               Path dir, double wall) {
        out.printf("%s: %s after t = %.6g (%d steps of ε = %s, %d neurons, %.1f s)%n", s.name(),
                outcome.status().name().toLowerCase(), s.time(outcome.steps()), outcome.steps(), s.rule().lr(),
                s.network().width(), wall);
        if (!outcome.ok()) {
            out.println("  " + outcome.message());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> risk = (Map<String, Object>) sum.get("risk");
        out.printf("  held-out risk %s → %s (%d samples); last training loss %s%n", fmt(risk.get("initial_test")),
                fmt(risk.get("final_test")), s.testSamples(), fmt(risk.get("final_train")));
        if (sum.get("reduced_ode") instanceof Map<?, ?> m) {
            out.printf("  reduced ODE: final risk %s; for t ≥ %s max |held-out − ODE| = %s, max |radial − ODE| = %s;"
                    + " W2 of radius laws max %s, final %s%n", fmt(m.get("final_ode_risk")), GAP_FROM_TIME,
                    fmt(m.get("max_gap_test_risk")), fmt(m.get("max_gap_radial_risk")), fmt(m.get("max_w2_radius")),
                    fmt(m.get("final_w2_radius")));
        }
        if (sum.get("free_energy") instanceof Map<?, ?> f) {
            out.printf("  free energy %s → %s (%s report-to-report increases, largest %s)%n", fmt(f.get("initial")),
                    fmt(f.get("final")), f.get("report_to_report_increases"), fmt(f.get("largest_increase")));
        }
        out.println("  outputs: " + dir);
    }

    private static String fmt(Object o) {
        return o instanceof Double d ? String.format("%.5g", d) : String.valueOf(o);
    }
}
