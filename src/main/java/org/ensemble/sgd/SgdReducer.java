package org.ensemble.sgd;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.step.Decision;
import org.ensemble.step.Observer;
import org.ensemble.step.Partial;
import org.ensemble.step.Reducer;
import org.ensemble.step.StateArray;
import org.ensemble.step.StepOrder;
import org.ensemble.step.StepStatus;

/**
 * The parameter server on the coordinator: plans a round (the updates whose jobs pulled versions it
 * already has), broadcasts it, and applies the workers' gradient sums update by update in version
 * order — positions in the round, never shard order, decide the order, so any shard plan gives the
 * same bits. Reports go to the observer as they fall due; non-finite or huge parameters end the run
 * as diverged, keeping the reports made so far.
 */
public final class SgdReducer implements Reducer {
    private final SgdSettings settings;
    private final SgdModel model;
    private final Observer<SgdReport> observer;
    private SgdServer server;
    private List<Update> round;

    public SgdReducer(SgdSettings settings, SgdModel model, Observer<SgdReport> observer) {
        this.settings = settings;
        this.model = model;
        this.observer = observer;
        this.server = new SgdServer(settings, model);
    }

    @Override
    public StepOrder first() {
        return plan();
    }

    private StepOrder plan() {
        long from = server.version();
        round = server.plan(SgdSimulation.MAX_ROUND);
        return new StepOrder(from, round.size(), RoundOrder.of(round, server).encode(), false);
    }

    @Override
    public Decision reduce(List<Partial> partials, long[] computeNanos) {
        int jobs = 0;
        for (Update u : round) {
            jobs += u.jobs().size();
        }
        double[][][] sums = new double[jobs][][];
        for (Partial p : partials) {
            for (GradientSums.Computed c : ((GradientSums) p).computed()) {
                sums[c.position()] = c.sum();
            }
        }
        int position = 0;
        List<List<double[][]>> roundSums = new ArrayList<>(round.size());
        for (Update u : round) {
            List<double[][]> us = new ArrayList<>(u.jobs().size());
            for (int k = 0; k < u.jobs().size(); k++) {
                if (sums[position] == null) {
                    throw new IllegalStateException("no shard computed job " + position + " of the round at version "
                            + u.from());
                }
                us.add(sums[position++]);
            }
            roundSums.add(us);
        }
        for (SgdReport r : server.applyRound(round, roundSums)) {
            observer.observe(r);
        }
        if (server.diverged()) {
            return Decision.finish(StepStatus.DIVERGED, "the parameters became too large or not finite at server"
                    + " version " + server.version() + " (|x|² = " + squaredNorm(server.parameters())
                    + "); the step is probably too large for this staleness");
        }
        if (server.done()) {
            return Decision.finish(StepStatus.COMPLETED, "completed");
        }
        return Decision.next(plan());
    }

    private static double squaredNorm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }

    @Override
    public long step() {
        return server.version();
    }

    /** The server's state; the pending round is re-planned from it on resume (planning is deterministic). */
    @Override
    public List<StateArray> checkpoint() {
        return server.state();
    }

    @Override
    public StepOrder resume(List<StateArray> state) {
        server = new SgdServer(settings, model);
        server.restore(state);
        return plan();
    }
}
