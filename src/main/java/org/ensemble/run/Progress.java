package org.ensemble.run;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ensemble.langevin.Measure;
import org.ensemble.step.Observer;
import org.ensemble.langevin.StatisticsLevel;

/**
 * Progress of a run in simulated time: a progress bar on a terminal, otherwise one plain line
 * per 5% (logs and CI stay readable). Writes to stderr; stdout is for results.
 */
public final class Progress implements Observer<Measure>, AutoCloseable {
    private final long totalSteps;
    private final double dt;
    private final ProgressBar bar;
    private final PrintStream err;
    private final long started = System.nanoTime();
    private int lastPercent = -1;

    public Progress(String name, long totalSteps, double dt, boolean quiet) {
        this.totalSteps = totalSteps;
        this.dt = dt;
        this.err = quiet ? null : System.err;
        boolean tty = !quiet && System.console() != null && System.getenv("CI") == null;
        this.bar = tty ? new ProgressBarBuilder().setTaskName(name).setInitialMax(totalSteps)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setUnit(" steps", 1)
                .continuousUpdate().build() : null;
    }

    @Override
    public void observe(Measure m) {
        if (m.level() != StatisticsLevel.FULL) {
            if (bar != null) {
                bar.stepTo(m.step());
            }
            return;
        }
        if (bar != null) {
            bar.stepTo(m.step());
            bar.setExtraMessage(String.format(" t=%.4g escaped=%d", m.time(), m.reachedTotal()));
            return;
        }
        if (err == null) {
            return;
        }
        int percent = (int) (100 * m.step() / totalSteps);
        if (percent / 5 != lastPercent / 5 || m.step() == totalSteps) {
            lastPercent = percent;
            double secs = (System.nanoTime() - started) / 1e9;
            err.printf("progress %3d%%  t = %.6g / %.6g  escaped = %d  active = %d  (%.1f s)%n", percent, m.time(),
                    totalSteps * dt, m.reachedTotal(), m.measured(), secs);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
