package org.ensemble.failures.linear;

import java.util.function.BooleanSupplier;
import org.ensemble.step.Observer;
import org.ensemble.step.StepOutcome;

/** How a study runs its online models: on the engine with some shards, or in process (same bytes). */
@FunctionalInterface
public interface OnlineRunner {
    StepOutcome run(OnlineSpec spec, Observer<OnlineReport> observer);

    static OnlineRunner engine(int shards, BooleanSupplier stop) {
        return (spec, observer) -> OnlinePopulation.run(spec, observer, shards, stop);
    }

    static OnlineRunner inProcess(int shards, BooleanSupplier stop) {
        return (spec, observer) -> OnlinePopulation.runInProcess(spec, observer, shards, stop);
    }
}
