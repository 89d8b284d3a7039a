package org.ensemble.engine;

/** How much a shard computes after a phase. */
public enum StatisticsLevel {
    /** Counts, means and co-moments only: what a moment-type mean field needs every step. */
    MOMENTS,
    /** Everything in {@link ObservationSpec}: histograms, quantiles, occupancy. */
    FULL
}
