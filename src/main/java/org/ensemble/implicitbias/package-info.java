/**
 * Implicit-bias studies: which solution a gradient method picks when many fit, measured against the
 * exact object computed by {@link org.ensemble.reference}. Least squares from zero (→ min ℓ2 norm),
 * logistic regression on separable data (→ the hard-margin SVM direction, at rate 1/log t),
 * diagonal networks w = u⊙u − v⊙v from init scale α (→ argmin of Woodworth's Q_α, from ℓ1 to ℓ2),
 * run as populations of coordinates ({@link org.ensemble.coordinates}); matrix sensing with X = UUᵀ
 * (→ the minimum nuclear norm matrix as the init shrinks) and policy gradient on LQR (→ the Riccati
 * gain, linearly) as plain iterations, since their state is one small matrix whose every entry
 * couples to every other (no members to shard). Each study returns a {@link org.ensemble.implicitbias.StudyResult}:
 * summary values, tables and charts, written by {@link org.ensemble.implicitbias.StudyFiles}.
 */
package org.ensemble.implicitbias;
