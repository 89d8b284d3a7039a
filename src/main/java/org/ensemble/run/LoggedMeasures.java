package org.ensemble.run;

import java.util.List;
import org.ensemble.checkpoint.ObservedLog;
import org.ensemble.langevin.Measure;
import org.ensemble.langevin.RunListener;

/** Records every measure the observers see in the checkpoint's observed log, then hands it on. */
final class LoggedMeasures implements RunListener {
    private final ObservedLog log;
    private final RunListener next;

    LoggedMeasures(ObservedLog log, RunListener next) {
        this.log = log;
        this.next = next;
    }

    @Override
    public void onMeasure(Measure m) {
        log.append(m.forObservers());
        next.onMeasure(m);
    }

    @Override
    public void onShardPhase(int shard, long advanceNanos, long statisticsNanos) {
        next.onShardPhase(shard, advanceNanos, statisticsNanos);
    }

    @Override
    public void onMerge(long nanos) {
        next.onMerge(nanos);
    }

    @Override
    public void onReportValues(List<String> names, double[] values) {
        next.onReportValues(names, values);
    }
}
