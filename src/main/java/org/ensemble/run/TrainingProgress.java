package org.ensemble.run;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ensemble.training.RunningLoss;
import org.ensemble.training.TrainingObserver;
import org.ensemble.training.TrainingReport;

/** Progress of a training run: a bar on a terminal, otherwise one line per 5% on stderr. */
final class TrainingProgress implements TrainingObserver, AutoCloseable {
    private final long total;
    private final double lr;
    private final ProgressBar bar;
    private final PrintStream err;
    private final long started = System.nanoTime();
    private int lastPercent = -1;

    TrainingProgress(String name, long total, double lr, boolean quiet) {
        this.total = total;
        this.lr = lr;
        this.err = quiet ? null : System.err;
        boolean tty = !quiet && System.console() != null && System.getenv("CI") == null;
        this.bar = tty ? new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setUnit(" steps", 1)
                .continuousUpdate().build() : null;
    }

    @Override
    public void onRunningLoss(RunningLoss l) {
        long step = l.step();
        double runningLoss = l.loss();
        if (bar != null) {
            bar.stepTo(step);
            bar.setExtraMessage(String.format(" t=%.4g loss=%.4g", step * lr, runningLoss));
        }
    }

    @Override
    public void onReport(TrainingReport r) {
        if (bar != null) {
            bar.stepTo(r.step());
            return;
        }
        if (err == null) {
            return;
        }
        int percent = (int) (100 * r.step() / total);
        if (percent / 5 != lastPercent / 5 || r.step() == total) {
            lastPercent = percent;
            err.printf("progress %3d%%  t = %.6g / %.6g  held-out risk = %.5g  (%.1f s)%n", percent, r.time(),
                    total * lr, r.testRisk(), (System.nanoTime() - started) / 1e9);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
