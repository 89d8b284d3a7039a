package org.ensemble.step;

/** Where a run's compute timings go (live metrics); not part of any result. */
public interface PhaseTimings {
    PhaseTimings NONE = new PhaseTimings() {
    };

    /** How long shard {@code shard} spent advancing and computing statistics in the last phase. */
    default void onShardPhase(int shard, long advanceNanos, long statisticsNanos) {
    }

    /** How long the reducer spent merging the last phase. */
    default void onMerge(long nanos) {
    }
}
