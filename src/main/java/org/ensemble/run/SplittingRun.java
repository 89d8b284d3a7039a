package org.ensemble.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.ensemble.checkpoint.Checkpoint;
import org.ensemble.checkpoint.CheckpointIdentity;
import org.ensemble.output.CsvWriter;
import org.ensemble.output.RunDirectory;
import org.ensemble.plot.ChartFiles;
import org.ensemble.plot.SplittingPlot;
import org.ensemble.scenario.PopulationScenario;
import org.ensemble.scenario.SplittingScenario;
import org.ensemble.splitting.AmsEstimate;
import org.ensemble.splitting.AmsPopulation;
import org.ensemble.splitting.AmsRound;
import org.ensemble.splitting.AmsRunResult;
import org.ensemble.splitting.AmsScenarioRecipe;
import org.ensemble.splitting.AmsSpec;
import org.ensemble.splitting.ReactiveTrajectory;
import org.ensemble.splitting.Balls;
import org.ensemble.meanfield.Committor2D;
import org.ensemble.splitting.FluxRun;
import org.ensemble.splitting.ForwardFluxSampling;
import org.ensemble.splitting.PhaseSink;
import org.ensemble.splitting.SplittingCheckpoint;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;
import org.ensemble.splitting.RenewalMfpt;
import org.ensemble.theory.ExactMfpt1D;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.Observer;
import org.ensemble.step.ResumePoint;
import org.ensemble.theory.ExactCommittor1D;

/**
 * Runs a splitting scenario end to end: every AMS run on the step protocol, then {@code summary.json}
 * (per β: p, its SE from the independent runs, the idealised relative SE, the exact committor for
 * 1-D potentials, z, particle-steps used and those direct simulation would need),
 * {@code ams.csv} (the same per β), {@code ams-runs.csv} (each run's estimate), {@code run.json}
 * and {@code plots/probability.png} (and {@code ratio.png}, estimate / exact). With an {@code mfpt} section a direct run first times the loops
 * A → Σ → A at each β, the replicas start from its entry points into Σ, and the summary adds the
 * MFPT by the renewal formula beside the exact one ({@link RenewalMfpt}). Every run keeps checkpoints
 * (every {@code checkpoint.every} steps, counting AMS rounds, direct-run particles and FFS runs, and on
 * a stop), whatever its phase, and resumes to the same bytes.
 */
public final class SplittingRun {
    private SplittingRun() {
    }

    /** Runs {@code s} into {@code out}; returns the per-β estimates (empty unless completed). */
    public static List<AmsEstimate> execute(SplittingScenario s, Path out, boolean quiet, boolean plots,
                                            PrintStream console, BooleanSupplier stop) {
        return execute(s, out, quiet, plots, console, stop, null);
    }

    /** As above, continuing from {@code resume} (the checkpoint of {@code out}) unless it is null. */
    public static List<AmsEstimate> execute(SplittingScenario s, Path out, boolean quiet, boolean plots,
                                            PrintStream console, BooleanSupplier stop, Checkpoint resume) {
        Splitting kind = new Splitting(s, quiet, plots, console, stop);
        RunPipeline.execute(kind, out, resume, null, console);
        return kind.estimates;
    }

    /** The exact committor of the start, for 1-D potentials; NaN otherwise. */
    static double exact(AmsSpec spec, double beta) {
        return spec.dimension() == 1
                ? ExactCommittor1D.committor(spec.potential(), beta, spec.a(), spec.b(), spec.start()[0]) : Double.NaN;
    }

    /** The message of a completed FFS computation. */
    private static final String FFS_COMPLETED = "every FFS run ended";

    private static final class Splitting implements RunPipeline.KindRun<AmsRound, AmsRound, AmsPopulation.Outcome> {
        private final SplittingScenario s;
        private AmsSpec spec;
        private final List<FluxRun.Result> fluxes = new ArrayList<>();
        final List<RenewalMfpt> mfpts = new ArrayList<>();
        /** The replica study's estimates, at each further n, each β. */
        private final List<AmsEstimate> study = new ArrayList<>();
        private final boolean quiet;
        private final boolean plots;
        private final PrintStream console;
        private final BooleanSupplier stop;
        final List<AmsEstimate> estimates = new ArrayList<>();
        /** The 2-D grid committors by β: at the scenario's cells and at half as many (the error estimate). */
        private final Map<Double, Committor2D> fineGrid = new java.util.TreeMap<>();
        private final Map<Double, Double> coarseGrid = new java.util.TreeMap<>();

        Splitting(SplittingScenario s, boolean quiet, boolean plots, PrintStream console, BooleanSupplier stop) {
            this.s = s;
            this.spec = s.ams();
            this.quiet = quiet;
            this.plots = plots;
            this.console = console;
            this.stop = stop;
        }

        /** The exact committor of the start: quadrature in 1-D, the PDE grid's with balls in 2-D; NaN otherwise. */
        double exactAt(double beta) {
            if (spec.dimension() == 1) {
                return exact(spec, beta);
            }
            SplittingScenario.Grid g = s.committor();
            if (g == null || spec.balls() == null) {
                return Double.NaN;
            }
            return fineGrid.computeIfAbsent(beta, b -> grid(b, g.cells())).at(spec.start()[0], spec.start()[1]);
        }

        /** |q_h − q_2h| at the start: the discretisation error estimate of the grid value (NaN without a grid). */
        double gridError(double beta) {
            SplittingScenario.Grid g = s.committor();
            if (g == null || spec.balls() == null) {
                return Double.NaN;
            }
            double coarse = coarseGrid.computeIfAbsent(beta, b -> grid(b, g.cells() / 2).at(spec.start()[0],
                    spec.start()[1]));
            return Math.abs(exactAt(beta) - coarse);
        }

        private Committor2D grid(double beta, int cells) {
            Balls b = spec.balls();
            return new Committor2D(spec.potential(), beta, s.committor().low(), s.committor().high(), cells,
                    b.centreA(), b.radiusA(), b.centreB(), b.radiusB());
        }

        @Override
        public CheckpointIdentity identity() {
            return CheckpointIdentity.of("splitting", s.name(), s.resolved(), "java", spec.members());
        }

        @Override
        public PopulationScenario scenario() {
            return s;
        }

        /** A step is an AMS round: checkpoint.every counts rounds. */
        @Override
        public double stepTime() {
            return 1;
        }

        @Override
        public Class<AmsRound> observedType() {
            return AmsRound.class;
        }

        @Override
        public RunPipeline.Opened<AmsRound> open(RunDirectory dir) {
            long[] last = {System.nanoTime()};
            Observer<AmsRound> progress = r -> {
                if (!quiet && System.nanoTime() - last[0] > 2_000_000_000L) {
                    last[0] = System.nanoTime();
                    System.err.printf("  %s: round %d, %d of %d AMS runs active, lowest level %.4f%n", s.name(),
                            r.round(), r.activeRuns(), r.runs(), r.lowestLevel());
                }
            };
            return new RunPipeline.Opened<>(progress, () -> { });
        }

        @Override
        public AmsRound logged(AmsRound measure) {
            return null; // progress only: nothing for a resumed run to replay
        }

        @Override
        public void replay(AmsRound record) {
        }

        /**
         * The phases in order: the direct run at each β (mfpt), the main AMS or FFS computation, each
         * replica-study AMS. A resumed run takes the finished phases' results from the checkpoint and
         * continues the phase it was in; every phase writes checkpoints (see {@link PhaseSink}).
         */
        @Override
        public AmsPopulation.Outcome run(Observer<AmsRound> observer, CheckpointSink checkpoints, ResumePoint resume) {
            SplittingCheckpoint.Finished at = resume == null ? SplittingCheckpoint.Finished.NONE
                    : SplittingCheckpoint.finished(resume.reducer());
            long offset = at.offset();
            fluxes.addAll(at.fluxes());
            SplittingScenario.Flux f = s.flux();
            if (f != null) {
                long steps = Math.max(1, Math.round(f.time() / spec.dt()));
                for (int i = fluxes.size(); i < spec.betas().length; i++) {
                    double beta = spec.betas()[i];
                    if (!quiet) {
                        System.err.printf("  %s: direct run for the loops A → Σ → A at β = %s (%d particles × t = %s)%n",
                                s.name(), beta, f.particles(), f.time());
                    }
                    PhaseSink sink = new PhaseSink(checkpoints, new SplittingCheckpoint.Finished(offset, fluxes, null,
                            List.of()));
                    FluxRun.Partial from = resume == null ? FluxRun.Partial.NONE
                            : SplittingCheckpoint.flux(sink.local(resume).reducer());
                    resume = null;
                    java.util.Optional<FluxRun.Result> r = FluxRun.run(spec.potential(), beta, spec.dt(), spec.seed(),
                            spec.axis(), spec.a(), spec.start()[spec.axis()], spec.b(), spec.bridge(), f.from(),
                            f.particles(), steps, from, sink.barrier(stop, SplittingCheckpoint::encodeFlux));
                    if (r.isEmpty()) {
                        return interrupted(String.format("direct run at β = %s", beta));
                    }
                    fluxes.add(r.get());
                    offset += f.particles();
                }
                double[][] pools = new double[fluxes.size()][];
                for (int i = 0; i < pools.length; i++) {
                    pools[i] = fluxes.get(i).entries();
                }
                spec = spec.withStartPools(pools);
            }
            AmsPopulation.Outcome main;
            if (at.main() != null) {
                main = new AmsPopulation.Outcome(new StepOutcome(StepStatus.COMPLETED, at.main().steps(),
                        s.ffs() == null ? AmsPopulation.COMPLETED : FFS_COMPLETED, 0), at.main().runs(),
                        at.main().reactive());
            } else {
                PhaseSink sink = new PhaseSink(checkpoints, new SplittingCheckpoint.Finished(offset, fluxes, null,
                        List.of()));
                ResumePoint local = resume == null ? null : sink.local(resume);
                resume = null;
                if (s.ffs() != null) {
                    long t0 = System.nanoTime();
                    java.util.Optional<List<AmsRunResult>> runs = ForwardFluxSampling.run(spec, s.ffs().interfaces(),
                            s.ffs().trials(), local == null ? List.of() : SplittingCheckpoint.ffs(local.reducer()),
                            sink.barrier(stop, SplittingCheckpoint::encodeFfs));
                    if (runs.isEmpty()) {
                        return interrupted("forward flux sampling");
                    }
                    return new AmsPopulation.Outcome(new StepOutcome(StepStatus.COMPLETED,
                            s.ffs().interfaces().length, FFS_COMPLETED, (System.nanoTime() - t0) / 1e9), runs.get());
                }
                main = AmsPopulation.run(spec, AmsScenarioRecipe.of(s.resolved(), spec), observer, stop,
                        s.saveReactive(), sink, local);
                if (!main.completed()) {
                    return main;
                }
                offset += main.engine().steps();
            }
            SplittingCheckpoint.MainPhase done = new SplittingCheckpoint.MainPhase(main.runs(), main.reactive(),
                    main.engine().steps());
            List<List<AmsRunResult>> studied = new ArrayList<>(at.study());
            int[] counts = s.replicaStudy();
            for (int j = 0; j < counts.length; j++) {
                List<AmsRunResult> runs;
                if (j < studied.size()) {
                    runs = studied.get(j);
                } else {
                    if (!quiet) {
                        System.err.printf("  %s: replica study, n = %d%n", s.name(), counts[j]);
                    }
                    PhaseSink sink = new PhaseSink(checkpoints, new SplittingCheckpoint.Finished(offset, fluxes, done,
                            studied));
                    AmsSpec n = spec.withReplicas(counts[j]);
                    AmsPopulation.Outcome o = AmsPopulation.run(n, AmsScenarioRecipe.of(s.resolved(), n), observer,
                            stop, 0, sink, resume == null ? null : sink.local(resume));
                    resume = null;
                    if (!o.completed()) {
                        return o;
                    }
                    offset += o.engine().steps();
                    runs = o.runs();
                    studied.add(runs);
                }
                for (double beta : spec.betas()) {
                    study.add(AmsEstimate.of(beta, runs, counts[j], exactAt(beta)));
                }
            }
            return main;
        }

        /** A plain-Java phase stopped between its steps (having written a checkpoint there). */
        private static AmsPopulation.Outcome interrupted(String phase) {
            return new AmsPopulation.Outcome(new StepOutcome(StepStatus.INTERRUPTED, 0, "interrupted in the " + phase
                    + "; a checkpoint was written there", 0), List.of());
        }

        @Override
        public boolean resumable(AmsPopulation.Outcome outcome) {
            StepStatus st = outcome.engine().status();
            return st == StepStatus.INTERRUPTED || st == StepStatus.FAILED;
        }

        @Override
        public void results(RunDirectory dir, AmsPopulation.Outcome outcome, double wall) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("scenario", s.name());
            summary.put("status", outcome.engine().status().name().toLowerCase());
            summary.put("message", outcome.engine().message());
            summary.put("seed", s.seed());
            if (s.ffs() == null) {
                summary.put("method", "ams");
                summary.put("replicas", spec.replicas());
                summary.put("kill", spec.kill());
            } else {
                summary.put("method", "ffs");
                summary.put("trials_per_stage", s.ffs().trials());
                summary.put("interfaces", s.ffs().interfaces());
            }
            summary.put("runs_per_beta", spec.runsPerBeta());
            summary.put("dt", spec.dt());
            summary.put("bridge", spec.bridge());
            summary.put("start", spec.start());
            if (spec.balls() == null) {
                summary.put("a", spec.a());
                summary.put("b", spec.b());
            } else {
                Balls b = spec.balls();
                summary.put("a", ball(b.centreA(), b.radiusA()));
                summary.put("b", ball(b.centreB(), b.radiusB()));
                summary.put("coordinate", s.coordinate());
            }
            if (outcome.completed()) {
                for (double beta : spec.betas()) {
                    // From entry points the replicas no longer start at one x: no committor value applies.
                    double exact = s.flux() == null ? exactAt(beta) : Double.NaN;
                    estimates.add(AmsEstimate.of(beta, outcome.runs(), spec.replicas(), exact));
                }
                for (int i = 0; i < fluxes.size(); i++) {
                    double beta = spec.betas()[i];
                    double exact = spec.dimension() == 1 ? ExactMfpt1D.mfpt(spec.potential(), beta,
                            s.flux().from()[0], spec.b()) : Double.NaN;
                    mfpts.add(RenewalMfpt.of(fluxes.get(i), estimates.get(i), exact));
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            List<String> header = List.of("beta", "p", "se", "rel_se", "rel_sd_per_run", "ideal_rel_sd_per_run",
                    "sd_ln_p_per_run", "ideal_sd_ln_p_per_run", "exact", "z", "ams_particle_steps", "direct_particle_steps",
                    "mean_iterations", "mean_reactive_time", "extinct_runs");
            try (CsvWriter table = new CsvWriter(dir.file("ams.csv"), header)) {
                for (AmsEstimate e : estimates) {
                    Object[] v = {e.beta(), e.p(), e.se(), e.relSe(), e.relSdPerRun(), e.idealRelSdPerRun(),
                        e.sdLogPerRun(), e.idealSdLogPerRun(), e.exact(), e.z(), e.amsSteps(), e.directSteps(), e.meanIterations(),
                        e.meanReactiveTime(), e.extinct()};
                    table.row(v);
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        boolean amsOnly = s.ffs() != null && header.get(i).startsWith("ideal_"); // AMS's laws
                        m.put(header.get(i), amsOnly || v[i] instanceof Double d && !Double.isFinite(d) ? null : v[i]);
                    }
                    rows.add(m);
                }
            }
            summary.put("estimates", rows);
            if (s.committor() != null && !estimates.isEmpty()) {
                List<Map<String, Object>> g = new ArrayList<>();
                for (AmsEstimate e : estimates) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("beta", e.beta());
                    m.put("cells", s.committor().cells());
                    m.put("q", exactAt(e.beta()));
                    m.put("grid_error", gridError(e.beta()));
                    m.put("q_half_cells", coarseGrid.get(e.beta()));
                    m.put("deviation_over_3se_plus_grid_error", Math.abs(e.p() - e.exact())
                            / (3 * e.se() + gridError(e.beta())));
                    g.add(m);
                }
                summary.put("committor_grid", g);
            }
            if (!study.isEmpty()) {
                List<AmsEstimate> all = new ArrayList<>(study);
                all.addAll(estimates);
                all.sort(java.util.Comparator.comparingDouble(AmsEstimate::beta)
                        .thenComparingInt(AmsEstimate::replicas));
                List<Map<String, Object>> srows = new ArrayList<>();
                try (CsvWriter t = new CsvWriter(dir.file("replicas.csv"), List.of("beta", "replicas", "p", "se", "z",
                        "sd_ln_p_per_run", "ideal_sd_ln_p_per_run", "particle_steps_per_run"))) {
                    for (AmsEstimate e : all) {
                        t.row(e.beta(), e.replicas(), e.p(), e.se(), e.z(), e.sdLogPerRun(), e.idealSdLogPerRun(),
                                e.stepsPerRun());
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("beta", e.beta());
                        m.put("replicas", e.replicas());
                        m.put("p", e.p());
                        m.put("se", e.se());
                        m.put("z", e.z());
                        m.put("sd_ln_p_per_run", e.sdLogPerRun());
                        m.put("ideal_sd_ln_p_per_run", e.idealSdLogPerRun());
                        m.put("particle_steps_per_run", e.stepsPerRun());
                        srows.add(m);
                    }
                }
                summary.put("replica_study", srows);
                if (plots) {
                    replicaPlot(dir.file("plots"), all);
                }
            }
            if (!mfpts.isEmpty()) {
                List<Map<String, Object>> ms = new ArrayList<>();
                for (int i = 0; i < mfpts.size(); i++) {
                    RenewalMfpt t = mfpts.get(i);
                    FluxRun.Result f = fluxes.get(i);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("beta", t.beta());
                    m.put("mfpt", t.mfpt());
                    m.put("se", t.se());
                    m.put("exact", Double.isFinite(t.exact()) ? t.exact() : null);
                    m.put("z", Double.isFinite(t.z()) ? t.z() : null);
                    m.put("p_from_entry_points", t.p());
                    m.put("p_se", t.pSe());
                    m.put("loops", f.loops());
                    m.put("mean_loop_time", f.meanLoop());
                    m.put("mean_time_to_sigma", f.meanToSigma());
                    m.put("mean_time_back_to_a", f.meanBack());
                    m.put("loop_se", t.loopSe());
                    m.put("mean_reactive_time", t.reactiveTime());
                    m.put("direct_run_particle_steps", f.steps());
                    m.put("direct_run_reached_b", f.reactive());
                    ms.add(m);
                }
                summary.put("mfpt", ms);
            }
            try (CsvWriter runs = new CsvWriter(dir.file("ams-runs.csv"), List.of("run", "beta", "p", "iterations",
                    "particle_steps", "direct_trajectory_steps", "mean_reactive_time", "extinct"))) {
                for (AmsRunResult r : outcome.runs()) {
                    runs.row(r.run(), r.beta(), r.p(), r.iterations(), r.cost(), r.directSteps(), r.meanReactiveTime(),
                            r.extinct());
                }
            }
            if (s.saveReactive() > 0) {
                writeReactive(dir, outcome.reactive());
                summary.put("reactive_trajectories", outcome.reactive().size());
            }
            EscapeRun.json(dir.file("summary.json"), summary);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("shards", s.shards());
            info.put("block_size", spec.blockSize());
            info.put("wall_seconds", wall);
            info.put("rounds", outcome.engine().steps());
            info.put("java", System.getProperty("java.version"));
            info.put("processors", Runtime.getRuntime().availableProcessors());
            EscapeRun.json(dir.file("run.json"), info);
            if (plots && !estimates.isEmpty() && s.flux() == null) { // from entry points: no exact curve to show
                plot(dir.file("plots"));
            }
        }

        private void plot(Path dir) {
            int m = estimates.size();
            double[] beta = new double[m];
            double[] p = new double[m];
            double[] se = new double[m];
            for (int i = 0; i < m; i++) {
                beta[i] = estimates.get(i).beta();
                p[i] = estimates.get(i).p();
                se[i] = estimates.get(i).se();
            }
            double lo = java.util.Arrays.stream(beta).min().orElseThrow();
            double hi = java.util.Arrays.stream(beta).max().orElseThrow();
            boolean grid = spec.balls() != null && s.committor() != null;
            double[] eb;
            if (spec.dimension() == 1) {
                eb = new double[200];
                for (int i = 0; i < eb.length; i++) {
                    eb[i] = lo + (hi - lo) * i / (eb.length - 1.0);
                }
            } else if (grid) {
                // Each grid point costs a solve: the measured β and the midpoints between them.
                double[] sorted = java.util.Arrays.stream(beta).sorted().distinct().toArray();
                eb = new double[2 * sorted.length - 1];
                for (int i = 0; i < sorted.length; i++) {
                    eb[2 * i] = sorted[i];
                    if (i + 1 < sorted.length) {
                        eb[2 * i + 1] = (sorted[i] + sorted[i + 1]) / 2;
                    }
                }
            } else {
                eb = new double[0];
            }
            double[] ep = new double[eb.length];
            for (int i = 0; i < eb.length; i++) {
                ep[i] = exactAt(eb[i]);
            }
            String how = s.ffs() == null ? "AMS, n = " + spec.replicas()
                    : "FFS, " + s.ffs().interfaces().length + " interfaces × " + s.ffs().trials() + " trials";
            String title = spec.balls() == null
                    ? String.format("P(reach %s ≥ %s before %s ≤ %s from %s): %s, %d runs per β", s.coordinate(),
                            spec.b(), s.coordinate(), spec.a(), spec.start()[spec.axis()], how, spec.runsPerBeta())
                    : String.format("P(reach ball B before ball A from %s): %s, ξ = %s, %d runs per β",
                            java.util.Arrays.toString(spec.start()), how, s.coordinate(), spec.runsPerBeta());
            if (eb.length > 0) {
                ChartFiles.save(SplittingPlot.create(title, "probability p (log scale)", beta, p, se, eb, ep,
                        grid ? String.format("committor of the Fokker–Planck grid (%d² cells)", s.committor().cells())
                                : "exact committor (quadrature)"), dir, "probability");
            }
            if (spec.dimension() == 1 || grid) {
                double[] ratio = new double[m];
                double[] ratioSe = new double[m];
                double[] gridErr = new double[m];
                for (int i = 0; i < m; i++) {
                    ratio[i] = p[i] / estimates.get(i).exact();
                    ratioSe[i] = se[i] / estimates.get(i).exact();
                    gridErr[i] = grid ? gridError(beta[i]) / estimates.get(i).exact() : 0;
                }
                ChartFiles.save(grid ? SplittingPlot.ratio(how + ": estimate against the grid committor", beta, ratio,
                        ratioSe, String.format("committor of the Fokker–Planck grid (%d² cells)",
                                s.committor().cells()), gridErr, String.format("its error estimate"
                                + " ±|q_%d − q_%d| / q", s.committor().cells(), s.committor().cells() / 2))
                        : SplittingPlot.ratio(how + ": estimate against the exact committor", beta, ratio, ratioSe),
                        dir, "ratio");
            }
            if (grid) {
                for (AmsEstimate e : estimates) {
                    Committor2D q = fineGrid.get(e.beta());
                    int n = q.cellsPerAxis();
                    double[] xe = new double[n + 1];
                    double[] ye = new double[n + 1];
                    for (int i = 0; i <= n; i++) {
                        xe[i] = s.committor().low()[0] + (s.committor().high()[0] - s.committor().low()[0]) * i / n;
                        ye[i] = s.committor().low()[1] + (s.committor().high()[1] - s.committor().low()[1]) * i / n;
                    }
                    Balls b = spec.balls();
                    String label = String.format("start: AMS %.2e ± %.1e, grid %.2e ± %.1e", e.p(), e.se(), e.exact(),
                            gridError(e.beta()));
                    ChartFiles.save(SplittingPlot.committorMap(String.format("Committor q(x) = P(reach B before A)"
                            + " at β = %s, %s, %d² cells", e.beta(), s.potentialType(), n), xe, ye, q.values(),
                            new double[][] {b.centreA(), b.centreB()}, new double[] {b.radiusA(), b.radiusB()},
                            new String[] {"A", "B"}, spec.start(), label), dir, "committor-beta-" + e.beta());
                }
            }
        }

        /** A ball for summary.json, keys in a fixed order (Map.of's order changes from JVM to JVM). */
        private static Map<String, Object> ball(double[] centre, double radius) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("center", centre);
            m.put("radius", radius);
            return m;
        }

        /** reactive.csv: one row per step of each saved trajectory that reached B. */
        private void writeReactive(RunDirectory dir, List<ReactiveTrajectory> trajectories) {
            List<String> header = new ArrayList<>(List.of("beta", "run", "replica", "step", "time"));
            String[] names = {"x", "y", "z"};
            for (int c = 0; c < spec.dimension(); c++) {
                header.add(c < names.length ? names[c] : "x" + (c + 1));
            }
            try (CsvWriter t = new CsvWriter(dir.file("reactive.csv"), header)) {
                for (ReactiveTrajectory r : trajectories) {
                    for (int i = 0; i < r.length(); i++) {
                        Object[] row = new Object[5 + r.dimension()];
                        row[0] = r.beta();
                        row[1] = r.run();
                        row[2] = r.replica();
                        row[3] = r.firstStep() + i;
                        row[4] = (r.firstStep() + i) * spec.dt();
                        for (int c = 0; c < r.dimension(); c++) {
                            row[5 + c] = r.states()[i * r.dimension() + c];
                        }
                        t.row(row);
                    }
                }
            }
        }

        /** sd of ln p̂ per run against n beside the idealised law, one chart per β. */
        private void replicaPlot(Path dir, List<AmsEstimate> all) {
            for (double beta : spec.betas()) {
                List<AmsEstimate> at = all.stream().filter(e -> e.beta() == beta).toList();
                double[] n = at.stream().mapToDouble(AmsEstimate::replicas).toArray();
                double[] sd = at.stream().mapToDouble(AmsEstimate::sdLogPerRun).toArray();
                double[] law = at.stream().mapToDouble(AmsEstimate::idealSdLogPerRun).toArray();
                String name = spec.betas().length == 1 ? "relative-error" : "relative-error-beta-" + beta;
                ChartFiles.save(SplittingPlot.law("AMS at β = " + beta + ": error of one run against the number of"
                        + " replicas", n, sd, spec.runsPerBeta(), law, "idealised sqrt(n|ln p|)·|ln(1 − 1/n)| ≈"
                        + " sqrt(|ln p|/n), k = 1"), dir, name);
            }
        }

        @Override
        public void report(AmsPopulation.Outcome outcome, Path shown, double wall) {
            console.printf("%s: %s in %.1f s (%d rounds)%n", s.name(), outcome.engine().status().name().toLowerCase(),
                    wall, outcome.engine().steps());
            for (AmsEstimate e : estimates) {
                String exact = Double.isFinite(e.exact()) ? String.format("; exact %.4e, z = %+.2f", e.exact(), e.z())
                        : "";
                if (Double.isFinite(gridError(e.beta()))) {
                    exact = String.format("; grid committor %.4e ± %.1e (|q_h − q_2h|), |p − q|/(3 SE + that) = %.2f",
                            e.exact(), gridError(e.beta()), Math.abs(e.p() - e.exact()) / (3 * e.se()
                                    + gridError(e.beta())));
                }
                String law = s.ffs() == null ? String.format(" vs ideal %.3f", e.idealSdLogPerRun()) : "";
                String direct = Double.isFinite(e.directSteps())
                        ? String.format(", direct would need %.3g", e.directSteps()) : "";
                console.printf("  β = %-5s p = %.4e ± %.2e (rel SE %.3f%s)  sd ln p/run %.3f%s  steps: %s %.3g%s%n",
                        e.beta(), e.p(), e.se(), e.relSe(), exact, e.sdLogPerRun(), law,
                        s.ffs() == null ? "AMS" : "FFS", e.amsSteps(), direct);
            }
            for (AmsEstimate e : study) {
                console.printf("  replica study β = %-5s n = %-6d p = %.4e ± %.2e  sd ln p/run %.3f vs ideal %.3f%n",
                        e.beta(), e.replicas(), e.p(), e.se(), e.sdLogPerRun(), e.idealSdLogPerRun());
            }
            for (RenewalMfpt t : mfpts) {
                console.printf("  MFPT (renewal: loops %.4f ± %.4f, p from entry points) at β = %s: %.5g ± %.3g"
                        + " (exact %.6g, z = %+.2f)%n", t.meanLoop(), t.loopSe(), t.beta(), t.mfpt(), t.se(), t.exact(),
                        t.z());
            }
            console.println("  outputs: " + shown);
        }
    }
}
