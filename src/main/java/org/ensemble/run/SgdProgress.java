package org.ensemble.run;

import java.io.PrintStream;
import org.ensemble.sgd.SgdReport;
import org.ensemble.step.Observer;

/** Progress of an SGD-workers run in server versions: one line per 5% on stderr (stdout is for results). */
final class SgdProgress implements Observer<SgdReport>, AutoCloseable {
    private final long total;
    private final PrintStream err;
    private final long started = System.nanoTime();
    private int lastPercent = -1;

    SgdProgress(long total, boolean quiet) {
        this.total = total;
        this.err = quiet ? null : System.err;
    }

    @Override
    public void observe(SgdReport r) {
        if (err == null) {
            return;
        }
        int percent = (int) (100 * r.version() / total);
        if (percent / 5 != lastPercent / 5 || r.version() == total) {
            lastPercent = percent;
            err.printf("progress %3d%%  version %d / %d  loss = %.5g  (%.1f s)%n", percent, r.version(), total, r.loss(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    @Override
    public void close() {
    }
}
