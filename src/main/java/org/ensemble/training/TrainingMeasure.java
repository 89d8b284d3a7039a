package org.ensemble.training;

/**
 * What a training run's observers are shown: a {@link TrainingReport} at report steps, and the
 * {@link RunningLoss} every few hundred steps between them (for progress and live metrics only).
 */
public sealed interface TrainingMeasure permits TrainingReport, RunningLoss {
    long step();
}
