package org.ensemble.langevin;

import org.ensemble.step.Partial;

/** A one-particle shard's answer (granularity member): its state, for the reducer to assemble blocks. */
public record ParticleState(long id, double[] position, double[] velocity, long hitStep, int hitTarget)
        implements Partial {
}
