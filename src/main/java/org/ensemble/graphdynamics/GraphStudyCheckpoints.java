package org.ensemble.graphdynamics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.checkpoint.Checkpoint;
import org.ensemble.checkpoint.CheckpointException;
import org.ensemble.checkpoint.CheckpointIdentity;
import org.ensemble.checkpoint.CheckpointWriter;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.ResumePoint;
import org.ensemble.step.StateArray;

/**
 * The checkpoints of a graph-dynamics study, in the run directory's {@code checkpoint/} as for every
 * kind: one observed log for the whole study ({@link LoggedMeasure}: each measure with its leg), and
 * the engine state of the leg in progress at its last barrier — written every {@code every} time
 * units of that leg and when stopped. A resume replays the finished legs from the log (their engines
 * do not run again), replays the stopped leg's measures and continues its engine from the
 * checkpoint, then runs the rest. Legs differ in size (graphs of several N), so the manifest counts
 * no members: the leg number and the nodes' arrays ({@code member_NAME}, rows in node order) travel
 * with the reducer's arrays.
 */
public final class GraphStudyCheckpoints implements StudyLegs, AutoCloseable {
    /** The checkpoint identity's kind. */
    public static final String KIND = "graph-dynamics";
    private static final String LEG = "study_leg";
    private static final String MEMBER = "member_";

    private final CheckpointWriter writer;
    private final double every;
    private final int resumedLeg;
    private final ResumePoint resumePoint;
    private final Map<Integer, List<NodeMeasure>> replay = new HashMap<>();
    /** The time step of the leg being written, for the manifest's time. */
    private double dt = 1;

    private GraphStudyCheckpoints(Path runDir, CheckpointIdentity id, double every, Checkpoint from,
                                  List<LoggedMeasure> logged) {
        this.every = every;
        if (from == null) {
            this.writer = CheckpointWriter.start(runDir, id, 0, k -> k * dt);
            this.resumedLeg = -1;
            this.resumePoint = null;
            return;
        }
        List<StateArray> reducer = new ArrayList<>();
        List<StateArray> members = new ArrayList<>();
        int leg = -1;
        for (StateArray a : from.point().reducer()) {
            if (a.name().equals(LEG)) {
                leg = (int) a.longs()[0];
            } else if (a.name().startsWith(MEMBER)) {
                String name = a.name().substring(MEMBER.length());
                members.add(a.doubles() != null ? StateArray.of(name, a.columns(), a.doubles())
                        : StateArray.of(name, a.columns(), a.longs()));
            } else {
                reducer.add(a);
            }
        }
        if (leg < 0 || members.isEmpty()) {
            throw new CheckpointException(from.runDirectory() + ": not a graph-dynamics study checkpoint (no "
                    + LEG + " or " + MEMBER + "* arrays)");
        }
        for (LoggedMeasure m : logged) {
            if (m.leg() > leg) {
                throw new CheckpointException(from.runDirectory() + ": the observed log has leg " + m.leg()
                        + " after the checkpoint's leg " + leg);
            }
            replay.computeIfAbsent(m.leg(), k -> new ArrayList<>()).add(m.measure());
        }
        this.resumedLeg = leg;
        this.resumePoint = new ResumePoint(from.step(), reducer, members);
        this.writer = CheckpointWriter.continuing(runDir, id, 0, k -> k * dt, from);
    }

    /** What a checkpoint must match: the study's resolved scenario and backend (no member count). */
    public static CheckpointIdentity identity(String scenario, String resolved, String backend) {
        return CheckpointIdentity.of(KIND, scenario, resolved, backend, 0);
    }

    /** Checkpoints of a new study in {@code runDir}, every {@code every} time units of a leg (0: only when stopped). */
    public static GraphStudyCheckpoints start(Path runDir, CheckpointIdentity id, double every) {
        return new GraphStudyCheckpoints(runDir, id, every, null, List.of());
    }

    /**
     * A study resumed from {@code from}, whose directory is now {@code runDir}; {@code logged} is
     * {@code from.observed(LoggedMeasure.class)}, read before the directory was reopened.
     */
    public static GraphStudyCheckpoints continuing(Path runDir, CheckpointIdentity id, double every, Checkpoint from,
                                                   List<LoggedMeasure> logged) {
        return new GraphStudyCheckpoints(runDir, id, every, from, logged);
    }

    /** The leg a resume continues (−1 for a fresh study) and its step. */
    public String resumedAt() {
        return resumedLeg < 0 ? "the start" : "leg " + resumedLeg + ", step " + resumePoint.step();
    }

    @Override
    public Leg leg(int index, double legDt) {
        List<NodeMeasure> before = replay.getOrDefault(index, List.of());
        if (index < resumedLeg) {
            return new Leg(before, true, null, CheckpointSink.NONE, m -> {
            });
        }
        ResumePoint from = index == resumedLeg ? resumePoint : null;
        long everySteps = every > 0 ? Math.max(1, (long) Math.ceil(every / legDt - 1e-9)) : 0;
        CheckpointSink sink = new CheckpointSink() {
            private long last = from == null ? 0 : from.step();

            @Override
            public boolean due(long step) {
                return everySteps > 0 && step - last >= everySteps;
            }

            @Override
            public void write(long step, List<StateArray> reducer, List<List<StateArray>> shards) {
                dt = legDt;
                writer.write(step, withLegAndMembers(index, reducer, shards), List.of(List.of()));
                last = step;
            }
        };
        return new Leg(before, false, from, sink, m -> writer.log().append(LoggedMeasure.of(index, m)));
    }

    /** The reducer's arrays, the leg number, and each member array stacked over the shards (node order). */
    private static List<StateArray> withLegAndMembers(int leg, List<StateArray> reducer,
                                                      List<List<StateArray>> shards) {
        List<StateArray> out = new ArrayList<>(reducer);
        out.add(StateArray.of(LEG, 1, new long[] {leg}));
        for (int k = 0; k < shards.get(0).size(); k++) {
            StateArray a = shards.get(0).get(k);
            boolean doubles = a.doubles() != null;
            int length = 0;
            for (List<StateArray> s : shards) {
                length += doubles ? s.get(k).doubles().length : s.get(k).longs().length;
            }
            double[] d = doubles ? new double[length] : null;
            long[] l = doubles ? null : new long[length];
            int at = 0;
            for (List<StateArray> s : shards) {
                StateArray p = s.get(k);
                int n = doubles ? p.doubles().length : p.longs().length;
                System.arraycopy(doubles ? p.doubles() : p.longs(), 0, doubles ? d : l, at, n);
                at += n;
            }
            out.add(doubles ? StateArray.of(MEMBER + a.name(), a.columns(), d)
                    : StateArray.of(MEMBER + a.name(), a.columns(), l));
        }
        return out;
    }

    /** Checkpoints written by this run so far. */
    public long written() {
        return writer.written();
    }

    /** Removes the checkpoints (a finished study has nothing to resume). */
    public void discard() {
        writer.discard();
    }

    @Override
    public void close() {
        writer.close();
    }
}
