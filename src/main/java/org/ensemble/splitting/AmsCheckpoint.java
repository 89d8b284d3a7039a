package org.ensemble.splitting;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.step.StateArray;
import org.ensemble.step.StepOrder;

/**
 * The coordinator's whole AMS state at a round barrier as checkpoint arrays, and back: every run's
 * weight and counters, its replicas' trajectories (record points), their branch histories (the
 * {@link TrajectorySegment} tree, each shared node once, parents first) and the order about to be
 * broadcast. Shards keep nothing between orders, so this is all a resumed run needs to give the same
 * bytes as one never stopped.
 */
final class AmsCheckpoint {
    private AmsCheckpoint() {
    }

    /** Growable primitive lists, and the segment tree's numbering. */
    static final class Writer {
        final LongList longs = new LongList();
        final DoubleList doubles = new DoubleList();
        final LongList pathMeta = new LongList();
        final DoubleList levels = new DoubleList();
        final DoubleList states = new DoubleList();
        final LongList steps = new LongList();
        final LongList segments = new LongList();
        final DoubleList segmentStates = new DoubleList();
        private final Map<TrajectorySegment, Integer> ids = new IdentityHashMap<>();

        /** The node's index (−1 for none), numbering its ancestors first. */
        long segment(TrajectorySegment s) {
            if (s == null) {
                return -1;
            }
            Integer id = ids.get(s);
            if (id != null) {
                return id;
            }
            List<TrajectorySegment> chain = new ArrayList<>(); // iterative: histories can be thousands deep
            for (TrajectorySegment t = s; t != null && !ids.containsKey(t); t = t.parent()) {
                chain.add(t);
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                TrajectorySegment t = chain.get(i);
                long parent = t.parent() == null ? -1 : ids.get(t.parent());
                ids.put(t, ids.size());
                segments.add(t.lineage());
                segments.add(t.step0());
                segments.add(parent);
                for (double x : t.x0()) {
                    segmentStates.add(x);
                }
            }
            return ids.get(s);
        }
    }

    /** Reads the arrays back in the order they were written. */
    static final class Reader {
        final long[] longs;
        final double[] doubles;
        final long[] pathMeta;
        final double[] levels;
        final double[] states;
        final long[] steps;
        final List<TrajectorySegment> segments = new ArrayList<>();
        int longAt;
        int doubleAt;
        int pathAt;
        int levelAt;
        int stateAt;
        int stepAt;

        Reader(List<StateArray> state, int d) {
            longs = StateArray.named(state, "ams.longs").longs();
            doubles = StateArray.named(state, "ams.doubles").doubles();
            pathMeta = StateArray.named(state, "ams.path-meta").longs();
            levels = StateArray.named(state, "ams.levels").doubles();
            states = StateArray.named(state, "ams.states").doubles();
            steps = StateArray.named(state, "ams.steps").longs();
            long[] seg = StateArray.named(state, "ams.segments").longs();
            double[] sx = StateArray.named(state, "ams.segment-states").doubles();
            for (int i = 0; i < seg.length / 3; i++) {
                TrajectorySegment parent = seg[3 * i + 2] < 0 ? null : segments.get((int) seg[3 * i + 2]);
                segments.add(new TrajectorySegment(seg[3 * i], seg[3 * i + 1],
                        java.util.Arrays.copyOfRange(sx, i * d, (i + 1) * d), parent));
            }
        }

        TrajectorySegment segment(long id) {
            return id < 0 ? null : segments.get((int) id);
        }
    }

    static List<StateArray> encode(AmsRun[] runs, long step, StepOrder pending) {
        Writer w = new Writer();
        w.longs.add(step);
        for (AmsRun r : runs) {
            r.save(w);
        }
        List<StateArray> out = new ArrayList<>(pending.state());
        out.add(StateArray.of("ams.longs", 1, w.longs.toArray()));
        out.add(StateArray.of("ams.doubles", 1, w.doubles.toArray()));
        out.add(StateArray.of("ams.path-meta", 1, w.pathMeta.toArray()));
        out.add(StateArray.of("ams.levels", 1, w.levels.toArray()));
        out.add(StateArray.of("ams.states", 1, w.states.toArray()));
        out.add(StateArray.of("ams.steps", 1, w.steps.toArray()));
        out.add(StateArray.of("ams.segments", 1, w.segments.toArray()));
        out.add(StateArray.of("ams.segment-states", 1, w.segmentStates.toArray()));
        return out;
    }

    /** Restores every run from {@code state}; returns the reducer's step. */
    static long decode(List<StateArray> state, AmsRun[] runs, int d) {
        Reader r = new Reader(state, d);
        long step = r.longs[r.longAt++];
        for (AmsRun run : runs) {
            run.load(r);
        }
        if (r.longAt != r.longs.length || r.pathAt != r.pathMeta.length) {
            throw new IllegalArgumentException("the AMS checkpoint does not match this scenario's runs and replicas");
        }
        return step;
    }

    static final class LongList {
        private long[] a = new long[64];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return n == 0 ? new long[] {0} : java.util.Arrays.copyOf(a, n); // a state array is never empty
        }
    }

    static final class DoubleList {
        private double[] a = new double[64];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        void addAll(double[] v) {
            for (double x : v) {
                add(x);
            }
        }

        double[] toArray() {
            return n == 0 ? new double[] {0} : java.util.Arrays.copyOf(a, n);
        }
    }
}
