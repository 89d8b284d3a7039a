/**
 * Theory beside simulation, so every escape run can be compared with numbers that do not come from
 * sampling: exact 1-D mean first-passage times of the diffusion ({@link org.ensemble.theory.ExactMfpt1D})
 * and of its Euler–Maruyama chain at a given step ({@link org.ensemble.theory.EulerMaruyamaMfpt1D}),
 * minima ({@link org.ensemble.theory.Minimizer}), finite-difference Hessians, the minimum-energy path with its
 * saddles ({@link org.ensemble.theory.SaddleSearch}), and the Eyring–Kramers law, brought together by
 * {@link org.ensemble.theory.TransitionAnalysis}. Plain static functions and immutable records, no state.
 */
package org.ensemble.theory;
