package org.ensemble.langevin;

/**
 * Receives what the coordinator produces, on the coordinator's thread, in step order. A listener
 * that throws stops the run with its message.
 */
public interface RunListener {
    /** Every merged measure: FULL at report steps, MOMENTS in between (interacting runs). */
    void onMeasure(Measure measure);

    /** How long shard {@code shard} spent advancing and computing statistics in the last phase. */
    default void onShardPhase(int shard, long advanceNanos, long statisticsNanos) {
    }

    /** How long the coordinator spent merging the last phase. */
    default void onMerge(long nanos) {
    }

    /** Values computed beside a full report (e.g. distances to a PDE), by column name. */
    default void onReportValues(java.util.List<String> names, double[] values) {
    }
}
