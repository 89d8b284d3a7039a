package org.ensemble.observe.escape;

/**
 * A mean first-passage time with its confidence interval, and the rate k = 1/MFPT with its own
 * interval. No field is ever NaN: where the data cannot bound a quantity the bound is 0 or +∞.
 *
 * @param mfpt          the point estimate; +∞ when nothing escaped (the exponential MLE 1/k̂ with k̂ = 0)
 * @param ciLow         lower confidence bound of the MFPT; with no escapes the only informative number
 * @param ciHigh        upper confidence bound of the MFPT (+∞ when nothing escaped)
 * @param standardError SE of the MFPT (+∞ when nothing escaped)
 * @param rate          k = 1/MFPT (0 when nothing escaped)
 * @param rateCiLow     lower confidence bound of k
 * @param rateCiHigh    upper confidence bound of k (+∞ for an empty sample)
 * @param escaped       particles that escaped
 * @param censored      particles still inside at their censoring time
 * @param confidence    the intervals' level, e.g. 0.95
 * @param method        how it was estimated: {@value MfptEstimator#SAMPLE_MEAN}, {@value MfptEstimator#EXPONENTIAL_MLE},
 *                      {@value MfptEstimator#LOWER_BOUND}, {@value MfptEstimator#NO_DATA} or
 *                      {@value MfptEstimator#KM_TAIL}
 */
public record MfptEstimate(double mfpt, double ciLow, double ciHigh, double standardError, double rate,
                           double rateCiLow, double rateCiHigh, long escaped, long censored, double confidence,
                           String method) {

    /** True when nothing escaped: {@link #ciLow()} is then a lower bound and the MFPT itself is unknown. */
    public boolean lowerBoundOnly() {
        return escaped == 0;
    }
}
