package org.ensemble.implicitbias;

/** One implicit-bias study's parameters (the scenario's {@code implicit-bias} section, resolved). */
public sealed interface BiasProblem permits LeastSquaresStudy.Params, DiagonalNetworkStudy.Params,
        MaxMarginStudy.Params, MatrixSensingStudy.Params, LqrPolicyGradientStudy.Params {
    /** The scenario's {@code problem} value. */
    String key();
}
