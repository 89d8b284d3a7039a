package org.ensemble.implicitbias;

import org.ensemble.coordinates.CoordinatePopulation;
import org.ensemble.coordinates.CoordinateReport;
import org.ensemble.coordinates.CoordinateSpec;
import org.ensemble.step.Observer;
import org.ensemble.step.StepOutcome;

/** How a study runs its coordinate models: on the engine with some shards, or in process (same bytes). */
@FunctionalInterface
public interface CoordinateRunner {
    StepOutcome run(CoordinateSpec spec, Observer<CoordinateReport> observer);

    /** This runner with {@code extra(spec)} (live metrics, say) watching every run beside the study's observer. */
    default CoordinateRunner watchedBy(java.util.function.Function<CoordinateSpec, Observer<CoordinateReport>> extra) {
        return (spec, observer) -> run(spec, org.ensemble.step.Observers.of(observer, extra.apply(spec)));
    }

    static CoordinateRunner engine(int shards, java.util.function.BooleanSupplier stop) {
        return (spec, observer) -> CoordinatePopulation.run(spec, observer, shards, stop);
    }

    static CoordinateRunner inProcess(int shards) {
        return inProcess(shards, () -> false);
    }

    static CoordinateRunner inProcess(int shards, java.util.function.BooleanSupplier stop) {
        return (spec, observer) -> CoordinatePopulation.runInProcess(spec, observer, shards, stop);
    }
}
