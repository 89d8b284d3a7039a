/**
 * Escape-time statistics: right-censored samples, Kaplan–Meier survival, MFPT with confidence
 * intervals and the rate, a calibrated test of the exponential law, and Arrhenius fits across β.
 */
package org.ensemble.observe.escape;
