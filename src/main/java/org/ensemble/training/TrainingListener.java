package org.ensemble.training;

/** Receives a training run's reports and progress on the coordinator's thread, in step order. */
public interface TrainingListener {
    void onReport(TrainingReport report);

    /** Called every few hundred steps with the steps done so far and the running batch loss. */
    default void onProgress(long step, double runningLoss) {
    }
}
