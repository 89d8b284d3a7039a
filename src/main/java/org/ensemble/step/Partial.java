package org.ensemble.step;

/**
 * What one shard answers to a {@link StepOrder}: per-block sufficient statistics (Langevin
 * particles), per-block output sums (neurons), or one member's state (granularity member). Each
 * population kind defines its own records; the reducer of that kind reads them.
 */
public interface Partial extends WireMessage {
}
