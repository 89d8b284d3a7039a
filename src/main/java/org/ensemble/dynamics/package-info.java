/**
 * Update rules of one time step: overdamped Euler–Maruyama and underdamped BAOAB Langevin,
 * optionally with a mean-field pull toward the ensemble mean. The per-step arithmetic lives in
 * static methods that both the java tile loop and the Aparapi kernel call, so every backend
 * computes the same expression.
 */
package org.ensemble.dynamics;
