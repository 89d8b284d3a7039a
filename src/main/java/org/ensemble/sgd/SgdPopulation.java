package org.ensemble.sgd;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.ensemble.population.BlockLayout;
import org.ensemble.scenario.SgdScenario;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.Engine;
import org.ensemble.step.Granularity;
import org.ensemble.step.Observer;
import org.ensemble.step.ResumePoint;
import org.ensemble.step.ShardPlan;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepOutcome;

/** Runs M SGD workers and their parameter server on the step protocol; the observer sees every report. */
public final class SgdPopulation {
    private SgdPopulation() {
    }

    public static StepOutcome run(SgdScenario s, Observer<SgdReport> observer) {
        return run(s, observer, () -> false, CheckpointSink.NONE, null);
    }

    /** Runs to the last version, divergence, a stop request or a failure; checkpoints and resume as the pipeline asks. */
    public static StepOutcome run(SgdScenario s, Observer<SgdReport> observer, BooleanSupplier stopRequested,
                                  CheckpointSink checkpoints, ResumePoint resume) {
        List<ShardRange> ranges = ShardPlan.of(new BlockLayout(s.settings().workers(), s.blockSize()), s.shards(),
                s.granularity());
        int threads = s.granularity() == Granularity.MEMBER ? Math.min(s.shards(), ranges.size()) : ranges.size();
        SgdReducer reducer = new SgdReducer(s.settings(), s.model(), observer);
        return Engine.run(new SgdRecipe(s.render()), ranges, reducer, threads, Engine.Dispatch.SPINNING, stopRequested,
                checkpoints, resume);
    }
}
