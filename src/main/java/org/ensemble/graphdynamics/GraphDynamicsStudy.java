package org.ensemble.graphdynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.ensemble.graph.Graph;
import org.ensemble.implicitbias.StudyResult;
import org.ensemble.meanfield.DesaiZwanzig;
import org.ensemble.observe.TimeAverage;
import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.step.Granularity;
import org.ensemble.step.Observer;
import org.ensemble.step.Observers;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;

/**
 * Runs a graph-dynamics study — one engine run per (graph, K), plus one at dt/2 when extrapolating —
 * and returns its tables, charts and summary: r(K) time-averaged after relaxation with the SE from
 * the autocorrelation time beside the mean-field reference (self-consistency for identical noisy
 * oscillators, Ott–Antonsen for Lorentzian frequencies without noise, the exact finite-N mean on
 * the complete graph), r over time, and at one K the phase law against the Fokker–Planck solution.
 */
public final class GraphDynamicsStudy {
    /** The dt/2 run's seed offset: its noise and initial sample are independent of the dt run's. */
    static final long HALF_STEP_SEED = 0x5DEECE66DL;
    /** Seed step between independent samples of the quenched randomness. */
    static final long SAMPLE_SEED = 0x9E3779B9L;

    private GraphDynamicsStudy() {
    }

    /** What watches each engine run besides the study (live metrics): given the run, an observer. */
    @FunctionalInterface
    public interface Watch {
        Observer<NodeMeasure> of(String runId, long nodes, long edges, long steps);

        Watch NONE = (id, n, e, s) -> m -> {
        };
    }

    public static StudyResult run(GraphStudyParams p, long seed, int shards, BooleanSupplier stop,
                                  Consumer<String> progress) {
        return run(p, seed, shards, stop, progress, Watch.NONE);
    }

    public static StudyResult run(GraphStudyParams p, long seed, int shards, BooleanSupplier stop,
                                  Consumer<String> progress, Watch watch) {
        return run(p, seed, shards, stop, progress, watch, StudyLegs.NONE).result();
    }

    /**
     * A study's result (the same bytes for the same parameters and seed, resumed or not) and its
     * speed, which depends on the machine (node steps and edge messages per second of compute).
     */
    public record Measured(StudyResult result, Map<String, Object> speed) {
    }

    /**
     * As above, each engine run (leg) started, checkpointed and logged through {@code legs}: a stop
     * asked while a leg runs ends it at its next barrier, with a checkpoint when {@code legs} keeps
     * them, and the study as interrupted.
     */
    public static Measured run(GraphStudyParams p, long seed, int shards, BooleanSupplier stop,
                               Consumer<String> progress, Watch watch, StudyLegs legs) {
        int[] leg = {0};
        List<List<Object>> rk = new ArrayList<>();
        List<List<Object>> series = new ArrayList<>();
        List<List<Object>> hist = new ArrayList<>();
        List<List<Object>> w1 = new ArrayList<>();
        Map<String, double[]> timeSeries = new LinkedHashMap<>();
        double[] times = null;
        List<PointResult> points = new ArrayList<>();
        List<List<Object>> communityRows = new ArrayList<>();
        List<Map<String, Object>> communitySummary = new ArrayList<>();
        GraphDynamicsCharts.CommunitySeries communityChart = null;
        String status = "completed";
        long edgeSteps = 0;
        long nodeSteps = 0;
        double computeSeconds = 0;
        outer:
        for (GraphSpec gs : p.graphs()) {
            Graph graph = gs.build(seed);
            int n = gs.nodes();
            for (double k : p.couplings()) {
                if (legs == StudyLegs.NONE && stop.getAsBoolean()) {
                    // with checkpoints the next leg stops at its first barrier and writes one
                    status = "interrupted";
                    break outer;
                }
                boolean pde = p.pdeCoupling() > 0 && k == p.pdeCoupling() && gs == p.graphs().get(0);
                Run coarse = once(p, graph, n, k, p.dt(), seed, shards, pde, gs.communityStarts(), stop, watch,
                        legs.leg(leg[0]++, p.dt()));
                if (coarse.outcome.status() != StepStatus.COMPLETED) {
                    status = ended(coarse.outcome);
                    break outer;
                }
                Run fine = p.extrapolateDt() ? once(p, graph, n, k, p.dt() / 2, seed + HALF_STEP_SEED, shards, false,
                        null, stop, watch, legs.leg(leg[0]++, p.dt() / 2)) : null;
                if (fine != null && fine.outcome.status() != StepStatus.COMPLETED) {
                    status = ended(fine.outcome);
                    break outer;
                }
                // the complete graph is computed through its sums: it sends no edge messages, only node steps
                long runs = fine == null ? 1 : 3;
                nodeSteps += (long) n * Math.round(p.time() / p.dt()) * runs;
                edgeSteps += (graph == null ? 0 : graph.edges()) * Math.round(p.time() / p.dt()) * runs;
                computeSeconds += coarse.outcome.seconds() + (fine == null ? 0 : fine.outcome.seconds());
                PointResult pr = PointResult.of(p, gs, graph, k, coarse.series.averageFrom(p.relax(), p.observedColumn()),
                        fine == null ? null : fine.series.averageFrom(p.relax(), p.observedColumn()));
                if (p.samples() > 1) {
                    // quenched randomness (frequencies, initial phases) moves r by O(N^-1/2) from sample to
                    // sample, which one run's time average cannot see: the SE is the spread over samples
                    double[] rs = new double[p.samples()];
                    rs[0] = pr.r();
                    for (int smp = 1; smp < rs.length; smp++) {
                        long sSeed = seed + smp * SAMPLE_SEED;
                        Run c = once(p, graph, n, k, p.dt(), sSeed, shards, false, null, stop, watch,
                                legs.leg(leg[0]++, p.dt()));
                        if (c.outcome.status() != StepStatus.COMPLETED) {
                            status = ended(c.outcome);
                            break outer;
                        }
                        Run f = p.extrapolateDt() ? once(p, graph, n, k, p.dt() / 2, sSeed + HALF_STEP_SEED, shards,
                                false, null, stop, watch, legs.leg(leg[0]++, p.dt() / 2)) : null;
                        if (f != null && f.outcome.status() != StepStatus.COMPLETED) {
                            status = ended(f.outcome);
                            break outer;
                        }
                        rs[smp] = f == null ? c.series.averageFrom(p.relax(), p.observedColumn()).mean()
                                : 2 * f.series.averageFrom(p.relax(), p.observedColumn()).mean() - c.series.averageFrom(p.relax(), p.observedColumn()).mean();
                    }
                    pr = pr.overSamples(rs);
                }
                points.add(pr);
                rk.add(pr.row());
                progress.accept(pr.line());
                for (double[] row : coarse.series.rows()) {
                    series.add(List.of(gs.label(), k, row[1], row[2], row[3], row[4], row[5]));
                }
                if (coarse.communities != null) {
                    CommunityOrderParameters cop = coarse.communities;
                    for (double[] row : cop.rows()) {
                        for (int c = 0; c < cop.communities(); c++) {
                            communityRows.add(List.of(gs.label(), k, row[1], c, row[2 + c]));
                        }
                    }
                    for (int c = 0; c < cop.communities(); c++) {
                        List<Double> after = new ArrayList<>();
                        for (double[] row : cop.rows()) {
                            if (row[1] >= p.relax()) {
                                after.add(row[2 + c]);
                            }
                        }
                        TimeAverage a = TimeAverage.of(after);
                        Map<String, Object> cm = new LinkedHashMap<>();
                        cm.put("graph", gs.label());
                        cm.put("K", k);
                        cm.put("community", c);
                        cm.put("nodes", gs.sizes()[c]);
                        cm.put(p.observable(), a.mean());
                        cm.put("se", a.standardError());
                        communitySummary.add(cm);
                    }
                    if (gs == p.graphs().get(0)) {
                        communityChart = new GraphDynamicsCharts.CommunitySeries(k, cop, coarse.series);
                    }
                }
                if (gs == p.graphs().get(0)) {
                    timeSeries.put("K = " + k, coarse.series.column(p.observedColumn()));
                    times = coarse.series.column(1);
                }
                if (coarse.snapshots != null) {
                    for (PhaseSnapshots.Snapshot s : coarse.snapshots.snapshots()) {
                        w1.add(List.of(k, s.time(), s.w1(), s.w1Aligned()));
                    }
                    PhaseSnapshots.Snapshot last = coarse.snapshots.snapshots().get(coarse.snapshots.snapshots().size() - 1);
                    double h = 2 * Math.PI / last.histogram().length;
                    for (int b = 0; b < last.histogram().length; b++) {
                        hist.add(List.of(k, last.time(), (b + 0.5) * h, last.histogram()[b], last.alignedHistogram()[b],
                                last.pde()[b]));
                    }
                }
            }
        }
        List<StudyResult.Table> tables = new ArrayList<>();
        String quantity = p.magnetisation() ? "abs_m" : "r";
        tables.add(new StudyResult.Table("r-of-k", List.of("graph", "nodes", "directed_edges", "K", quantity + "_dt", "se_dt",
                quantity + "_half_dt", "se_half_dt", quantity, "se", "tau_samples", "reference", "reference_kind", "finite_n_reference",
                "z"), rk));
        tables.add(new StudyResult.Table("order-parameter", List.of("graph", "K", "t", "r", "psi", "mean", "variance"),
                series));
        if (!w1.isEmpty()) {
            tables.add(new StudyResult.Table("w1-to-pde", List.of("K", "t", "w1", "w1_aligned"), w1));
            tables.add(new StudyResult.Table("phase-histogram", List.of("K", "t", "theta", "particles", "particles_aligned", "pde"), hist));
        }
        if (!communityRows.isEmpty()) {
            tables.add(new StudyResult.Table("community-order-parameter", List.of("graph", "K", "t", "community",
                    p.magnetisation() ? "abs_m" : "r"), communityRows));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", status);
        summary.put("nodes", p.nodes());
        summary.put("rule", p.rule().key());
        if (p.update() != null) {
            summary.put("update", p.update().name());
            summary.put("observable", p.observable());
        }
        summary.put("points", points.stream().map(PointResult::summary).toList());
        double maxZ = points.stream().filter(q -> Double.isFinite(q.z)).mapToDouble(q -> Math.abs(q.z)).max()
                .orElse(Double.NaN);
        summary.put("max_abs_z", maxZ);
        if (!w1.isEmpty()) {
            summary.put("w1_to_pde_last", w1.get(w1.size() - 1).get(2));
            summary.put("w1_aligned_to_pde_last", w1.get(w1.size() - 1).get(3));
        }
        Map<String, Object> speed = new LinkedHashMap<>();
        speed.put("node_steps_per_second", computeSeconds > 0 ? nodeSteps / computeSeconds : Double.NaN);
        if (edgeSteps > 0) {
            speed.put("edge_messages_per_second", computeSeconds > 0 ? edgeSteps / computeSeconds : Double.NaN);
        }
        if (!communitySummary.isEmpty()) {
            summary.put("communities", communitySummary);
        }
        Map<String, org.knowm.xchart.XYChart> charts = GraphDynamicsCharts.of(p, points, times, timeSeries, hist, w1);
        if (communityChart != null) {
            charts.put("community-over-time", GraphDynamicsCharts.communities(p, communityChart));
        }
        return new Measured(new StudyResult(summary, tables, charts), speed);
    }

    /** A leg that did not complete, as the study's status: interrupted, or diverged/failed with its message. */
    private static String ended(StepOutcome o) {
        return o.status() == StepStatus.INTERRUPTED ? "interrupted"
                : o.status().name().toLowerCase(java.util.Locale.ROOT) + ": " + o.message();
    }

    private record Run(StepOutcome outcome, OrderParameterSeries series, PhaseSnapshots snapshots,
                       CommunityOrderParameters communities) {
    }

    private static Run once(GraphStudyParams p, Graph graph, int n, double k, double dt, long seed, int shards,
                            boolean pde, int[] communityStarts, BooleanSupplier stop, Watch watch,
                            StudyLegs.Leg leg) {
        NodeDynamics dyn = p.dynamics(k, dt, seed);
        List<ShardRange> ranges = NodePopulation.ranges(n, p.blockSize(), shards,
                p.nodeActors() ? Granularity.MEMBER : Granularity.BLOCK);
        NodeRecipe recipe = NodeRecipe.of(graph, n, dyn, p.blockSize(), ranges, p.backend());
        OrderParameterSeries s = new OrderParameterSeries();
        PhaseSnapshots snaps = null;
        long steps = Math.round(p.time() / dt);
        if (pde) {
            CircleFokkerPlanck fp = new CircleFokkerPlanck(p.pdeCells(), k * pdeScale(p, graph, n), p.noise(), p.omega());
            if (p.uniformStart()) {
                fp.startUniform();
            } else {
                fp.startWrappedNormal(0, p.spread());
            }
            long[] at = Arrays.stream(p.pdeTimes()).mapToLong(t -> Math.min(steps, Math.round(t / dt))).toArray();
            snaps = new PhaseSnapshots(at, Math.min(64, p.pdeCells()), fp);
        }
        CommunityOrderParameters com = communityStarts == null ? null
                : new CommunityOrderParameters(communityStarts, p.recordEvery(), p.magnetisation());
        List<Observer<? super NodeMeasure>> watchers = new ArrayList<>(List.of(s));
        if (snaps != null) {
            watchers.add(snaps);
        }
        if (com != null) {
            watchers.add(com);
        }
        Observer<NodeMeasure> observers = Observers.of(watchers);
        leg.replay().forEach(observers::observe); // observers are folds over what they are shown: this rebuilds them
        if (leg.complete()) {
            return new Run(new StepOutcome(StepStatus.COMPLETED, steps, "replayed from the checkpoint's log", 0), s,
                    snaps, com);
        }
        Observer<NodeMeasure> live = watch.of(gsLabel(graph, n) + "-K" + k + "-dt" + dt, n, recipe.edges(), steps);
        NodeReducer reducer = new NodeReducer(recipe, steps, p.recordEvery(), Observers.of(observers, live,
                leg.log()));
        StepOutcome o = p.execution().equals("engine")
                ? NodePopulation.run(recipe, ranges, reducer, stop, leg.checkpoints(), leg.resume())
                : NodePopulation.runInProcess(recipe, ranges, reducer, stop, leg.checkpoints(), leg.resume());
        return new Run(o, s, snaps, com);
    }

    private static String gsLabel(Graph graph, int n) {
        return graph == null ? "complete-" + n : "graph-" + n + "-" + graph.edges();
    }

    /** The mean-field coupling per unit K: N·couplingOf/K averaged (1 for K/N on the complete graph, ⟨deg⟩/N·… for others). */
    static double pdeScale(GraphStudyParams p, Graph graph, int n) {
        return switch (p.normalisation()) {
            case NODES -> graph == null ? 1 : (double) graph.edges() / n / n;
            case MEAN_DEGREE, DEGREE -> 1;
        };
    }

    /** One (graph, K) point of the study. */
    record PointResult(String graph, int nodes, long edges, double k, TimeAverage coarse, TimeAverage fine, double r,
                       double se, double reference, String referenceKind, double finiteN, double z) {
        static PointResult of(GraphStudyParams p, GraphSpec gs, Graph graph, double k, TimeAverage coarse,
                              TimeAverage fine) {
            double r = fine == null ? coarse.mean() : 2 * fine.mean() - coarse.mean();
            double se = fine == null ? coarse.standardError()
                    : Math.sqrt(4 * fine.standardError() * fine.standardError()
                    + coarse.standardError() * coarse.standardError());
            int n = gs.nodes();
            double ref = Double.NaN;
            String kind = "none";
            double finite = Double.NaN;
            double keff = k * pdeScale(p, graph, n);
            if (p.rule() == NodeRule.KURAMOTO && p.gamma() == 0 && p.noise() > 0) {
                boolean complete = graph == null;
                if (keff > 2 * p.noise()) {
                    ref = KuramotoMeanField.selfConsistentR(keff, p.noise());
                    kind = "self-consistency";
                } else {
                    ref = KuramotoMeanField.incoherentMeanR(keff, p.noise(), n);
                    kind = "incoherent E r (finite N)";
                }
                if (complete && p.normalisation() == Normalisation.NODES) {
                    finite = KuramotoMeanField.finiteNMeanR(k, p.noise(), n);
                }
            } else if (p.rule() == NodeRule.LANGEVIN && p.noise() > 0 && desaiZwanzig(p)) {
                // θ = K on the complete graph with K/N: the Desai–Zwanzig model at β = 1/D
                double beta = 1 / p.noise();
                ref = new DesaiZwanzig(keff).magnetization(beta);
                kind = ref > 0 ? "Desai-Zwanzig m*" : "Desai-Zwanzig (0 below K_c; |m| = O(N^-1/2))";
                if (ref > 0 && graph == null && p.normalisation() == Normalisation.NODES) {
                    finite = DesaiZwanzigFiniteN.meanMagnetization(keff, beta, n);
                }
            } else if (p.rule() == NodeRule.KURAMOTO && p.gamma() > 0 && p.noise() == 0) {
                ref = KuramotoMeanField.ottAntonsenR(keff, p.gamma());
                // below K_c = 2γ the N = ∞ value is 0 and r is O(N^-1/2) above it: no z
                kind = keff > 2 * p.gamma() ? "Ott-Antonsen" : "Ott-Antonsen (0 below K_c; r = O(N^-1/2))";
            }
            double z = Double.isFinite(ref) && se > 0 && !kind.contains("below K_c") ? (r - ref) / se : Double.NaN;
            return new PointResult(gs.label(), n, graph == null ? (long) n * (n - 1) : graph.edges(), k, coarse, fine,
                    r, se, ref, kind, finite, z);
        }

        /** The potential is the untilted double well (x² − 1)² of {@link DesaiZwanzig}. */
        static boolean desaiZwanzig(GraphStudyParams p) {
            return p.update() instanceof PotentialNodeUpdate u && u.potential() instanceof DoubleWellPotential w
                    && w.tilt() == 0;
        }

        /** The mean over independent samples (this point is sample 0), SE = sd/sqrt(samples). */
        PointResult overSamples(double[] rs) {
            double mean = java.util.Arrays.stream(rs).average().orElseThrow();
            double var = java.util.Arrays.stream(rs).map(v -> (v - mean) * (v - mean)).sum() / (rs.length - 1);
            double sem = Math.sqrt(var / rs.length);
            double zz = Double.isFinite(reference) && sem > 0 && !Double.isNaN(z) ? (mean - reference) / sem : Double.NaN;
            return new PointResult(graph, nodes, edges, k, coarse, fine, mean, sem, reference, referenceKind + " ("
                    + rs.length + " samples)", finiteN, zz);
        }

        List<Object> row() {
            return List.of(graph, nodes, edges, k, coarse.mean(), coarse.standardError(),
                    fine == null ? Double.NaN : fine.mean(), fine == null ? Double.NaN : fine.standardError(), r, se,
                    coarse.tau(), reference, referenceKind, finiteN, z);
        }

        String line() {
            return String.format("%s K = %g: " + (referenceKind.startsWith("Desai") ? "|m|" : "r") + " = %.5f ± %.5f (%s %.5f, z = %.2f)", graph, k, r, se, referenceKind,
                    reference, z);
        }

        Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("graph", graph);
            m.put("K", k);
            m.put("r", r);
            m.put("se", se);
            m.put("reference", reference);
            m.put("reference_kind", referenceKind);
            m.put("finite_n_reference", finiteN);
            m.put("z", z);
            return m;
        }
    }
}
