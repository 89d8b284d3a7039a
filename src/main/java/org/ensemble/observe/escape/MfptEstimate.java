package org.ensemble.observe.escape;

/**
 * A mean first-passage time with its confidence interval and the rate k = 1/MFPT.
 *
 * @param method how it was estimated: {@code sample-mean} (nothing censored),
 *               {@code km-restricted-mean+exponential-tail} (some censored), {@code lower-bound} (no escapes)
 */
public record MfptEstimate(double mfpt, double ciLow, double ciHigh, double standardError, double rate,
                           double rateCiLow, double rateCiHigh, long escaped, long censored, double confidence,
                           String method) {
}
