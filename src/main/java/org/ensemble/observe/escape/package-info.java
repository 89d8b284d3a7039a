/**
 * Escape-time statistics for metastability runs.
 *
 * <p>A run follows N particles for a simulated time T; each particle either escapes at a time
 * tᵢ (a multiple of dt) or is right-censored (still inside at its censoring time, usually T).
 * {@link org.ensemble.observe.escape.EscapeTimes} collects escape events in a deterministic
 * order and yields an {@link org.ensemble.observe.escape.EscapeSample}; from it,
 * {@link org.ensemble.observe.escape.KaplanMeier} gives the survival curve,
 * {@link org.ensemble.observe.escape.MfptEstimator} the mean first-passage time and rate with
 * confidence intervals, {@link org.ensemble.observe.escape.ExponentialityTest} checks whether the
 * escape law is exponential (a single rate, as Kramers theory assumes), and
 * {@link org.ensemble.observe.escape.ArrheniusFit} fits ln k = ln A − ΔV·β across temperatures.
 *
 * <p>Everything here is plain, deterministic numerics: results are immutable records, and the only
 * randomness (bootstraps) takes an explicit seed, so a report is reproducible bit for bit.
 */
package org.ensemble.observe.escape;
