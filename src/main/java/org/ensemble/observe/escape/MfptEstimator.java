package org.ensemble.observe.escape;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Estimates the MFPT from right-censored escape times. Nothing censored: the sample mean with a
 * normal CI. Some censored: the Kaplan–Meier restricted mean up to the last observation time T
 * plus S(T)/k̂ for the unobserved tail, with k̂ the exponential maximum-likelihood rate
 * (escapes / exposure); the SE is the restricted mean's (the tail term's own uncertainty is
 * second order while S(T) is small, and the summary shows S(T)). No escapes: only a lower bound.
 */
public final class MfptEstimator {
    private MfptEstimator() {
    }

    public static MfptEstimate estimate(EscapeSample s, double confidence) {
        double z = new NormalDistribution().inverseCumulativeProbability(0.5 + confidence / 2);
        long escaped = s.escapedCount();
        long censored = s.censoredCount();
        if (escaped == 0) {
            double lowerBound = s.size() == 0 ? 0 : s.maxTime();
            return new MfptEstimate(Double.NaN, lowerBound, Double.POSITIVE_INFINITY, Double.NaN, 0, 0,
                    s.size() == 0 ? Double.POSITIVE_INFINITY : 1 / lowerBound, 0, censored, confidence, "lower-bound");
        }
        double mean;
        double se;
        String method;
        if (censored == 0) {
            double sum = 0;
            for (double t : s.times()) {
                sum += t;
            }
            mean = sum / escaped;
            double ss = 0;
            for (double t : s.times()) {
                ss += (t - mean) * (t - mean);
            }
            se = escaped > 1 ? Math.sqrt(ss / (escaped - 1) / escaped) : Double.NaN;
            method = "sample-mean";
        } else {
            KaplanMeier km = KaplanMeier.fit(s, confidence);
            double tau = s.maxTime();
            double tailRate = escaped / s.exposure();
            mean = km.restrictedMean(tau) + km.at(tau) / tailRate;
            se = Math.sqrt(km.restrictedMeanVariance(tau));
            method = "km-restricted-mean+exponential-tail";
        }
        double lo = mean - z * se;
        double hi = mean + z * se;
        return new MfptEstimate(mean, lo, hi, se, 1 / mean, hi > 0 ? 1 / hi : 0,
                lo > 0 ? 1 / lo : Double.POSITIVE_INFINITY, escaped, censored, confidence, method);
    }
}
