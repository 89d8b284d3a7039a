package org.ensemble.graphdynamics;

import java.util.List;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.Observer;
import org.ensemble.step.ResumePoint;

/**
 * How the engine runs of a graph-dynamics study — its legs, numbered in the order the study starts
 * them (per graph, per K: the dt run, the dt/2 run, then each further sample's pair) — start: fresh,
 * replayed whole from what a checkpoint logged, or continued from a checkpoint; and where each
 * leg's measures and checkpoints go.
 */
public interface StudyLegs {
    /** Leg {@code index}, of time step {@code dt}. */
    Leg leg(int index, double dt);

    /**
     * One leg's start and sinks.
     *
     * @param replay      what the leg's observers were shown before (empty for a fresh leg), in order
     * @param complete    whether the replay is the whole leg (its engine does not run again)
     * @param resume      where the engine continues (null: from step 0)
     * @param checkpoints where its checkpoints go
     * @param log         records each measure the observers are shown
     */
    record Leg(List<NodeMeasure> replay, boolean complete, ResumePoint resume, CheckpointSink checkpoints,
               Observer<NodeMeasure> log) {
        public Leg {
            replay = List.copyOf(replay);
        }
    }

    /** No checkpoints: every leg fresh; a stop ends the study without one. */
    StudyLegs NONE = (index, dt) -> new Leg(List.of(), false, null, CheckpointSink.NONE, m -> {
    });
}
