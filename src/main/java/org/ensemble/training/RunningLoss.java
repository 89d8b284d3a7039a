package org.ensemble.training;

/** The mean batch loss since the last report, after step {@code step}: progress between reports. */
public record RunningLoss(long step, double loss) implements TrainingMeasure {
}
