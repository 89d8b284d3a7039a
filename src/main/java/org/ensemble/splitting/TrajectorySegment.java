package org.ensemble.splitting;

/**
 * One piece of a replica's history: the trajectory of lineage {@code lineage} from state {@code x0}
 * at step {@code step0}, continuing its parent's piece, which it replaced from that step on (a branch
 * copies the survivor up to the branch point and runs on with fresh noise). Immutable and shared:
 * the replicas' histories form a tree whose unreferenced branches are garbage. With (seed, lineage,
 * step) keying the noise, the pieces replay a whole trajectory exactly ({@link ReactiveTrajectories}).
 */
record TrajectorySegment(long lineage, long step0, double[] x0, TrajectorySegment parent) {
}
