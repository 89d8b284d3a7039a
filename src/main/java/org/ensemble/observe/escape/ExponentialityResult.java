package org.ensemble.observe.escape;

/**
 * Kolmogorov–Smirnov test of an exponential law with estimated mean.
 *
 * @param statistic  D = sup |F̂ − F_exp| over the observed range
 * @param modified   Stephens' modified statistic (D − 0.2/n)(√n + 0.26 + 0.5/√n)
 * @param pValue     parametric-bootstrap p-value (the mean re-estimated in every replicate)
 * @param rejected   whether exponentiality is rejected at {@code level}
 */
public record ExponentialityResult(double statistic, double modified, double pValue, int replicates, double level,
                                   boolean rejected, long n) {
}
