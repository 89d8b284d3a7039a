package org.ensemble.langevin;

/** How much a shard computes after a phase. */
public enum StatisticsLevel {
    /** Counts and means only (co-moments left zero): what a moment-type mean field needs every step. */
    MOMENTS,
    /** Everything in {@link ObservationSpec}: histograms, quantiles, occupancy. */
    FULL
}
