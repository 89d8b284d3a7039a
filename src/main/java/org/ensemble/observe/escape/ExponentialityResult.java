package org.ensemble.observe.escape;

/**
 * A Kolmogorov–Smirnov test of the exponential law with the mean estimated from the data.
 *
 * @param statistic     D = sup |F̂ − F_exp| (the empirical law, or 1 − Kaplan–Meier under censoring,
 *                      against the exponential with the maximum-likelihood rate), over [0, T]
 * @param modified      Stephens' modified statistic (D − 0.2/n)(√n + 0.26 + 0.5/√n); its table is for
 *                      complete samples, so it is NaN when anything is censored
 * @param n             sample size (escaped + censored)
 * @param escaped       escapes in the sample
 * @param pValue        parametric-bootstrap p-value; NaN for the table method (it gives a critical value only)
 * @param criticalValue reject when the statistic exceeds it: a critical value of D for the bootstrap, of the
 *                      modified statistic for the table method
 * @param level         the test's size, e.g. 0.05
 * @param replicates    bootstrap replicates (0 for the table method)
 * @param rejected      whether exponentiality is rejected at {@code level}
 * @param method        {@value ExponentialityTest#BOOTSTRAP}, {@value ExponentialityTest#BOOTSTRAP_CENSORED},
 *                      {@value ExponentialityTest#STEPHENS} or {@value ExponentialityTest#INSUFFICIENT}
 */
public record ExponentialityResult(double statistic, double modified, long n, long escaped, double pValue,
                                   double criticalValue, double level, int replicates, boolean rejected,
                                   String method) {
}
