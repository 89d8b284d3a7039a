package org.ensemble.implicitbias;

/** Runs the study a {@link BiasProblem} names. */
public final class ImplicitBiasStudies {
    private ImplicitBiasStudies() {
    }

    /** {@code runner} runs the coordinate models (least squares, max margin, diagonal); the others ignore it. */
    public static StudyResult run(BiasProblem problem, long seed, CoordinateRunner runner) {
        return run(problem, seed, runner, line -> { });
    }

    /** As above; the sweeps tell {@code progress} a line per finished point. */
    public static StudyResult run(BiasProblem problem, long seed, CoordinateRunner runner,
                                  java.util.function.Consumer<String> progress) {
        if (problem instanceof LeastSquaresStudy.Params p) {
            return LeastSquaresStudy.run(p, seed, runner);
        }
        if (problem instanceof DiagonalNetworkStudy.Params p) {
            return DiagonalNetworkStudy.run(p, seed, runner, progress);
        }
        if (problem instanceof MaxMarginStudy.Params p) {
            return MaxMarginStudy.run(p, seed, runner);
        }
        if (problem instanceof MatrixSensingStudy.Params p) {
            return MatrixSensingStudy.run(p, seed, progress);
        }
        return LqrPolicyGradientStudy.run((LqrPolicyGradientStudy.Params) problem, seed);
    }
}
