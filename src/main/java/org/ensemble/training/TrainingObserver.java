package org.ensemble.training;

import org.ensemble.step.Observer;

/** An observer of a training run that takes its reports and its running loss in separate methods. */
public interface TrainingObserver extends Observer<TrainingMeasure> {
    void onReport(TrainingReport report);

    default void onRunningLoss(RunningLoss loss) {
    }

    @Override
    default void observe(TrainingMeasure m) {
        if (m instanceof TrainingReport r) {
            onReport(r);
        } else if (m instanceof RunningLoss l) {
            onRunningLoss(l);
        }
    }
}
