package org.ensemble.failures.linear;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.ensemble.implicitbias.CoordinateRunner;
import org.ensemble.implicitbias.StudyResult;

/** Runs the study a {@link LinearFailureProblem} names, on the engine with some shards or in process. */
public final class LinearFailureStudies {
    private LinearFailureStudies() {
    }

    public static StudyResult run(LinearFailureProblem problem, long seed, boolean engine, int shards,
                                  BooleanSupplier stop, Consumer<String> progress) {
        OnlineRunner online = engine ? OnlineRunner.engine(shards, stop) : OnlineRunner.inProcess(shards, stop);
        if (problem instanceof HadamardStudy.Params p) {
            return HadamardStudy.run(p, seed, online, progress);
        }
        if (problem instanceof FlatActivationStudy.Params p) {
            return FlatActivationStudy.run(p, seed, online, progress);
        }
        CoordinateRunner coordinates = engine ? CoordinateRunner.engine(shards, stop)
                : CoordinateRunner.inProcess(shards, stop);
        return PiecewiseLinearStudy.run((PiecewiseLinearStudy.Params) problem, seed, coordinates, progress);
    }
}
