package org.ensemble.splitting;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.step.StateArray;

/**
 * A splitting run's checkpoint beyond one AMS computation: the run is a sequence of phases (the
 * direct run at each β before the MFPT's AMS, then AMS or FFS, then each replica-study AMS), and a
 * checkpoint holds what the finished phases gave ({@code splitting.*} arrays) beside the current
 * phase's own state (an AMS coordinator's arrays, a direct run's {@code flux.*} sums, the
 * {@code ffs.*} runs so far). Every number is stored as it was, so a resumed run writes the same
 * bytes.
 */
public final class SplittingCheckpoint {
    private static final String LONGS = "splitting.longs";
    private static final String DOUBLES = "splitting.doubles";

    private SplittingCheckpoint() {
    }

    /**
     * What the phases before the current one gave.
     *
     * @param offset where the current phase's steps begin in the run's step count (checkpoints
     *               are numbered by the run, so that they keep increasing from phase to phase)
     * @param main   the main AMS or FFS computation, or null until it has finished
     * @param study  each finished replica-study computation's runs, in the study's order
     */
    public record Finished(long offset, List<FluxRun.Result> fluxes, MainPhase main, List<List<AmsRunResult>> study) {
        /** A run that has finished nothing. */
        public static final Finished NONE = new Finished(0, List.of(), null, List.of());

        public Finished {
            fluxes = List.copyOf(fluxes);
            study = List.copyOf(study);
        }
    }

    /** The main computation's results and its rounds (steps). */
    public record MainPhase(List<AmsRunResult> runs, List<ReactiveTrajectory> reactive, long steps) {
        public MainPhase {
            runs = List.copyOf(runs);
            reactive = List.copyOf(reactive);
        }
    }

    /** {@code f} as the checkpoint's {@code splitting.*} arrays. */
    public static List<StateArray> encode(Finished f) {
        AmsCheckpoint.LongList l = new AmsCheckpoint.LongList();
        AmsCheckpoint.DoubleList d = new AmsCheckpoint.DoubleList();
        l.add(f.offset());
        l.add(f.fluxes().size());
        for (FluxRun.Result r : f.fluxes()) {
            l.add(r.loops());
            l.add(r.reactive());
            l.add(r.steps());
            l.add(r.entries().length);
            d.add(r.beta());
            d.add(r.meanToSigma());
            d.add(r.meanBack());
            d.add(r.sdLoop());
            d.addAll(r.entries());
        }
        l.add(f.main() == null ? 0 : 1);
        if (f.main() != null) {
            l.add(f.main().steps());
            runs(f.main().runs(), l, d);
            l.add(f.main().reactive().size());
            for (ReactiveTrajectory t : f.main().reactive()) {
                l.add(t.run());
                l.add(t.replica());
                l.add(t.firstStep());
                l.add(t.dimension());
                l.add(t.states().length);
                d.add(t.beta());
                d.addAll(t.states());
            }
        }
        l.add(f.study().size());
        for (List<AmsRunResult> runs : f.study()) {
            runs(runs, l, d);
        }
        return List.of(StateArray.of(LONGS, 1, l.toArray()), StateArray.of(DOUBLES, 1, d.toArray()));
    }

    /** The finished phases of a checkpoint's arrays ({@link Finished#NONE} if it has none: a plain AMS run's). */
    public static Finished finished(List<StateArray> state) {
        if (state.stream().noneMatch(a -> a.name().equals(LONGS))) {
            return Finished.NONE;
        }
        Cursor c = new Cursor(state, LONGS, DOUBLES);
        long offset = c.nextLong();
        List<FluxRun.Result> fluxes = new ArrayList<>();
        for (long i = c.nextLong(); i > 0; i--) {
            long loops = c.nextLong();
            long reactive = c.nextLong();
            long steps = c.nextLong();
            int entries = (int) c.nextLong();
            fluxes.add(new FluxRun.Result(c.nextDouble(), loops, c.nextDouble(), c.nextDouble(), c.nextDouble(),
                    reactive, steps, c.doubles(entries)));
        }
        MainPhase main = null;
        if (c.nextLong() == 1) {
            long steps = c.nextLong();
            List<AmsRunResult> runs = runs(c);
            List<ReactiveTrajectory> reactive = new ArrayList<>();
            for (long i = c.nextLong(); i > 0; i--) {
                int run = (int) c.nextLong();
                int replica = (int) c.nextLong();
                long first = c.nextLong();
                int dim = (int) c.nextLong();
                int n = (int) c.nextLong();
                reactive.add(new ReactiveTrajectory(run, c.nextDouble(), replica, first, dim, c.doubles(n)));
            }
            main = new MainPhase(runs, reactive, steps);
        }
        List<List<AmsRunResult>> study = new ArrayList<>();
        for (long i = c.nextLong(); i > 0; i--) {
            study.add(runs(c));
        }
        return new Finished(offset, fluxes, main, study);
    }

    /** The current phase's own arrays: {@code state} without the {@code splitting.*} ones. */
    public static List<StateArray> phase(List<StateArray> state) {
        return state.stream().filter(a -> !a.name().startsWith("splitting.")).toList();
    }

    /** A direct run's sums so far, as arrays. */
    public static List<StateArray> encodeFlux(FluxRun.Partial p) {
        return List.of(StateArray.of("flux.longs", 1, new long[] {p.particles(), p.loops(), p.reactive()}),
                StateArray.of("flux.doubles", 1, concat(new double[] {p.sum1(), p.sum2(), p.sumL(), p.sumL2()},
                        p.entries())));
    }

    /** The direct run's sums a checkpoint holds. */
    public static FluxRun.Partial flux(List<StateArray> state) {
        long[] l = StateArray.named(state, "flux.longs").longs();
        double[] d = StateArray.named(state, "flux.doubles").doubles();
        return new FluxRun.Partial((int) l[0], l[1], l[2], d[0], d[1], d[2], d[3],
                java.util.Arrays.copyOfRange(d, 4, d.length));
    }

    /** FFS runs so far, as arrays. */
    public static List<StateArray> encodeFfs(List<AmsRunResult> done) {
        AmsCheckpoint.LongList l = new AmsCheckpoint.LongList();
        AmsCheckpoint.DoubleList d = new AmsCheckpoint.DoubleList();
        runs(done, l, d);
        return List.of(StateArray.of("ffs.longs", 1, l.toArray()), StateArray.of("ffs.doubles", 1, d.toArray()));
    }

    /** The FFS runs a checkpoint holds. */
    public static List<AmsRunResult> ffs(List<StateArray> state) {
        return runs(new Cursor(state, "ffs.longs", "ffs.doubles"));
    }

    private static void runs(List<AmsRunResult> runs, AmsCheckpoint.LongList l, AmsCheckpoint.DoubleList d) {
        l.add(runs.size());
        for (AmsRunResult r : runs) {
            l.add(r.run());
            l.add(r.iterations());
            l.add(r.cost());
            l.add(r.extinct() ? 1 : 0);
            d.add(r.beta());
            d.add(r.p());
            d.add(r.directSteps());
            d.add(r.meanReactiveTime());
        }
    }

    private static List<AmsRunResult> runs(Cursor c) {
        List<AmsRunResult> out = new ArrayList<>();
        for (long i = c.nextLong(); i > 0; i--) {
            int run = (int) c.nextLong();
            int iterations = (int) c.nextLong();
            long cost = c.nextLong();
            boolean extinct = c.nextLong() == 1;
            out.add(new AmsRunResult(run, c.nextDouble(), c.nextDouble(), iterations, cost, c.nextDouble(),
                    c.nextDouble(), extinct));
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Reads a pair of arrays in the order they were written. */
    private static final class Cursor {
        private final long[] longs;
        private final double[] doubles;
        private int l;
        private int d;

        Cursor(List<StateArray> state, String longs, String doubles) {
            this.longs = StateArray.named(state, longs).longs();
            this.doubles = StateArray.named(state, doubles).doubles();
        }

        long nextLong() {
            return longs[l++];
        }

        double nextDouble() {
            return doubles[d++];
        }

        double[] doubles(int n) {
            double[] out = java.util.Arrays.copyOfRange(doubles, d, d + n);
            d += n;
            return out;
        }
    }
}
