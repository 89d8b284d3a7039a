/**
 * Exact objects that gradient methods are compared with in the implicit-bias studies, each computed
 * by a direct solver rather than by running the dynamics: the minimum ℓ2-norm interpolant
 * ({@link org.ensemble.reference.MinNormSolution}), basis pursuit
 * ({@link org.ensemble.reference.BasisPursuit}), the hard-margin SVM direction
 * ({@link org.ensemble.reference.HardMarginSvm}), the minimiser of Woodworth et al.'s potential
 * Q_α ({@link org.ensemble.reference.WoodworthPotential}), the discrete algebraic Riccati solution
 * and the cost of a linear policy ({@link org.ensemble.reference.DiscreteRiccati},
 * {@link org.ensemble.reference.LqrCost}), and a dual certificate that a planted low-rank PSD matrix
 * is the minimum nuclear norm solution of linear measurements
 * ({@link org.ensemble.reference.MinTraceCertificate}). Linear algebra is commons-math3 throughout.
 * Plain static functions and immutable records.
 */
package org.ensemble.reference;
